package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.model.event.AccountLinking;
import io.github.camelmessenger.model.event.AppRoles;
import io.github.camelmessenger.model.event.DeliveryReceipt;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.model.event.PassThreadControl;
import io.github.camelmessenger.model.event.ReadReceipt;
import io.github.camelmessenger.model.event.RequestThreadControl;
import io.github.camelmessenger.model.event.TakeThreadControl;
import io.github.camelmessenger.model.event.UnknownEvent;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.MessengerConstants.ATTACHMENTS;
import static io.github.camelmessenger.MessengerConstants.EVENT_TYPE;
import static io.github.camelmessenger.MessengerConstants.MESSAGE_ID;
import static io.github.camelmessenger.MessengerConstants.ONE_TIME_NOTIF_TOKEN;
import static io.github.camelmessenger.MessengerConstants.OPTIN_PAYLOAD;
import static io.github.camelmessenger.MessengerConstants.PAGE_ID;
import static io.github.camelmessenger.MessengerConstants.PLATFORM;
import static io.github.camelmessenger.MessengerConstants.POSTBACK_PAYLOAD;
import static io.github.camelmessenger.MessengerConstants.QUICK_REPLY_PAYLOAD;
import static io.github.camelmessenger.MessengerConstants.RECIPIENT_ID;
import static io.github.camelmessenger.MessengerConstants.SENDER_ID;
import static io.github.camelmessenger.MessengerConstants.STANDBY;
import static io.github.camelmessenger.MessengerConstants.TEXT;
import static io.github.camelmessenger.MessengerConstants.TIMESTAMP;
import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Every event kind, as the platform documents it, through real signed POSTs. */
class WebhookEventsTest {

    private static WebhookTestServer server;
    private static WebhookClient client;
    private static final EventCollector ALL = new EventCollector();
    private static final EventCollector DEFAULTS = new EventCollector();
    private static final EventCollector POSTBACKS = new EventCollector();

    @BeforeAll
    static void start() {
        server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?webhookPath=/all&eventTypes=*&appSecret=" + APP_SECRET).process(ALL);
                from("messenger:webhook?webhookPath=/defaults&appSecret=" + APP_SECRET).process(DEFAULTS);
                from("messenger:webhook?webhookPath=/postbacks&eventTypes=postback, quick_reply&appSecret="
                     + APP_SECRET).process(POSTBACKS);
            }
        }).start();
        client = new WebhookClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        ALL.clear();
        DEFAULTS.clear();
        POSTBACKS.clear();
    }

    private EventCollector.Received deliver(String fixture) {
        assertThat(client.post("/all", fixture(fixture)).statusCode()).isEqualTo(200);
        return ALL.single();
    }

    @Test
    void textMessage() {
        EventCollector.Received r = deliver("message.json");
        assertThat(r.header(PLATFORM)).isEqualTo("facebook-messenger");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("message");
        assertThat(r.header(PAGE_ID)).isEqualTo("PAGE_1");
        assertThat(r.header(SENDER_ID)).isEqualTo("USER_1");
        assertThat(r.header(RECIPIENT_ID)).as("a reply must go to the sender").isNull();
        assertThat(r.header(TIMESTAMP)).isEqualTo(1458692752478L);
        assertThat(r.header(MESSAGE_ID)).isEqualTo("mid.1457764197618:41d102a3e1ae206a38");
        assertThat(r.header(TEXT)).isEqualTo("hello, world!");
        assertThat(r.header(STANDBY)).isEqualTo(false);
        MessengerEvent e = r.event();
        assertThat(e.type()).isEqualTo(MessengerEventType.MESSAGE);
        assertThat(e.recipientId()).isEqualTo("PAGE_1");
        assertThat(e.message().text()).isEqualTo("hello, world!");
        assertThat(e.raw().path("message").path("mid").asText()).isEqualTo("mid.1457764197618:41d102a3e1ae206a38");
    }

    @Test
    void quickReply() {
        EventCollector.Received r = deliver("quick-reply.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("quick_reply");
        assertThat(r.header(QUICK_REPLY_PAYLOAD)).isEqualTo("PICKED_RED");
        assertThat(r.header(TEXT)).isEqualTo("Red");
        assertThat(r.event().message().quickReplyPayload()).isEqualTo("PICKED_RED");
    }

    @Test
    void replyTo() {
        EventCollector.Received r = deliver("reply-to.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("message");
        assertThat(r.event().message().replyTo().mid()).isEqualTo("m_1fTq8oLumEyIp3Q2MR");
        assertThat(r.event().message().replyTo().selfReply()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void attachments() {
        EventCollector.Received r = deliver("attachments.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("message");
        assertThat(r.header(TEXT)).isNull();
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) r.header(ATTACHMENTS);
        assertThat(attachments).hasSize(4);
        assertThat(attachments.get(0)).containsEntry("type", "image")
                .containsEntry("url", "https://scontent.example/image.png");
        assertThat(attachments.get(1)).containsEntry("type", "sticker").containsEntry("sticker_id", 369239263222822L);
        assertThat(attachments.get(2)).containsEntry("type", "fallback").containsEntry("title", "An article");
        assertThat(attachments.get(3)).containsEntry("type", "location").containsKey("coordinates")
                .containsEntry("url", null);
        assertThat(r.event().message().attachments().get(1).payload()).containsEntry("sticker_id", 369239263222822L);
    }

    @Test
    void echoTakesThePageFromTheSender() {
        EventCollector.Received r = deliver("echo.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("echo");
        assertThat(r.header(PAGE_ID)).isEqualTo("PAGE_1");
        assertThat(r.header(TEXT)).isEqualTo("Your order shipped");
        MessengerEvent e = r.event();
        assertThat(e.message().echo()).isTrue();
        assertThat(e.message().appId()).isEqualTo("1517776481860111");
        assertThat(e.message().metadata()).isEqualTo("order-42");
        assertThat(e.recipientId()).isEqualTo("USER_1");
    }

    @Test
    void postback() {
        EventCollector.Received r = deliver("postback.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("postback");
        assertThat(r.header(POSTBACK_PAYLOAD)).isEqualTo("GET_STARTED");
        assertThat(r.header(MESSAGE_ID)).isEqualTo("m_pb1");
        assertThat(r.event().postback().title()).isEqualTo("Get Started");
        assertThat(r.event().postback().referral().ref()).isEqualTo("campaign-7");
        assertThat(r.event().postback().referral().source()).isEqualTo("SHORTLINK");
    }

    @Test
    void pluginOptin() {
        EventCollector.Received r = deliver("optin.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("optin");
        assertThat(r.header(OPTIN_PAYLOAD)).isEqualTo("checkbox-ref");
        assertThat(r.header(ONE_TIME_NOTIF_TOKEN)).isNull();
        assertThat(r.event().optin().userRef()).isEqualTo("UREF_77");
    }

    @Test
    void oneTimeNotificationOptin() {
        EventCollector.Received r = deliver("otn-optin.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("one_time_notif_optin");
        assertThat(r.header(ONE_TIME_NOTIF_TOKEN)).isEqualTo("OTN_TOKEN_abc123");
        assertThat(r.header(OPTIN_PAYLOAD)).isEqualTo("BACK_IN_STOCK_SKU_9");
        assertThat(r.event().optin().type()).isEqualTo("one_time_notif_req");
    }

    @Test
    void referral() {
        EventCollector.Received r = deliver("referral.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("referral");
        assertThat(r.event().referral().adId()).isEqualTo("6045246247433");
        assertThat(r.event().referral().adsContextData()).containsEntry("ad_title", "Spring sale");
    }

    @Test
    void delivery() {
        EventCollector.Received r = deliver("delivery.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("delivery");
        DeliveryReceipt d = (DeliveryReceipt) r.event().payload();
        assertThat(d.mids()).containsExactly("mid.1458668856218:ed81099e15d3f4f233");
        assertThat(d.watermark()).isEqualTo(1458668856253L);
    }

    @Test
    void read() {
        EventCollector.Received r = deliver("read.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("read");
        assertThat(((ReadReceipt) r.event().payload()).watermark()).isEqualTo(1458668856253L);
    }

    @Test
    void reaction() {
        EventCollector.Received r = deliver("reaction.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("reaction");
        assertThat(r.header(MESSAGE_ID)).isEqualTo("m_reacted1");
        assertThat(r.event().reaction().emoji()).isEqualTo("\u2764\uFE0F");
        assertThat(r.event().reaction().action()).isEqualTo("react");
    }

    @Test
    void accountLinking() {
        EventCollector.Received r = deliver("account-linking.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("account_linking");
        assertThat(r.event().payload()).isEqualTo(new AccountLinking("linked", "PASS_THROUGH_CODE"));
    }

    @Test
    void passThreadControlWithNumericAndNullIds() {
        EventCollector.Received r = deliver("pass-thread-control.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("pass_thread_control");
        assertThat(r.event().payload()).isEqualTo(new PassThreadControl(null, "123456789", "handing over"));
    }

    @Test
    void takeThreadControl() {
        EventCollector.Received r = deliver("take-thread-control.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("take_thread_control");
        assertThat(r.event().payload()).isEqualTo(new TakeThreadControl("123456789", "987654321", "taking back"));
    }

    @Test
    void requestThreadControl() {
        EventCollector.Received r = deliver("request-thread-control.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("request_thread_control");
        assertThat(r.event().payload()).isEqualTo(new RequestThreadControl("263902037430900", "agent wants it"));
    }

    @Test
    void appRolesHaveNoSender() {
        EventCollector.Received r = deliver("app-roles.json");
        assertThat(r.header(EVENT_TYPE)).isEqualTo("app_roles");
        assertThat(r.header(SENDER_ID)).isNull();
        assertThat(r.header(PAGE_ID)).isEqualTo("PAGE_1");
        assertThat(((AppRoles) r.event().payload()).roles())
                .containsEntry("123456789", List.of("primary_receiver"))
                .containsEntry("263902037430900", List.of("secondary_receiver"));
    }

    @Test
    void kindsNotModelledArriveAsUnknownWithTheirJson() {
        for (String fixture : List.of("message-edit.json", "game-play.json", "policy-enforcement.json")) {
            ALL.clear();
            EventCollector.Received r = deliver(fixture);
            assertThat(r.header(EVENT_TYPE)).isEqualTo("unknown");
            assertThat(r.header(SENDER_ID)).isEqualTo("USER_1");
            UnknownEvent u = (UnknownEvent) r.event().payload();
            assertThat(u.kind()).isIn("message_edit", "game_play", "policy-enforcement");
            assertThat(u.data().isObject()).isTrue();
            assertThat(r.event().raw().has(u.kind())).isTrue();
        }
        assertThat(((UnknownEvent) ALL.single().event().payload()).data().path("reason").asText()).isEqualTo("spam");
    }

    @Test
    void standbyEventsAreMarkedAndPostbacksThereHaveNoPayload() {
        assertThat(client.post("/all", fixture("standby.json")).statusCode()).isEqualTo(200);
        List<EventCollector.Received> r = ALL.awaitCount(2);
        assertThat(r).hasSize(2);
        assertThat(r.get(0).header(STANDBY)).isEqualTo(true);
        assertThat(r.get(0).header(EVENT_TYPE)).isEqualTo("message");
        assertThat(r.get(0).header(TEXT)).isEqualTo("test");
        assertThat(r.get(1).header(STANDBY)).isEqualTo(true);
        assertThat(r.get(1).header(EVENT_TYPE)).isEqualTo("postback");
        assertThat(r.get(1).header(POSTBACK_PAYLOAD)).isNull();
        assertThat(r.get(1).event().postback().title()).isEqualTo("Talk to a human");
        assertThat(r.get(1).event().standby()).isTrue();
    }

    @Test
    void aBatchBecomesOneExchangePerEventInDeliveryOrder() {
        assertThat(client.post("/all", fixture("batch.json")).statusCode()).isEqualTo(200);
        List<EventCollector.Received> r = ALL.received();
        assertThat(r).extracting(x -> x.header(MESSAGE_ID)).containsExactly("m_b1", "m_b2", "m_b3", "m_b4");
        assertThat(r).extracting(x -> x.header(PAGE_ID)).containsExactly("PAGE_1", "PAGE_1", "PAGE_2", "PAGE_1");
        assertThat(r).extracting(x -> x.header(SENDER_ID)).containsExactly("USER_1", "USER_1", "USER_2", "USER_3");
        assertThat(r).extracting(x -> x.header(STANDBY)).containsExactly(false, false, false, true);
    }

    @Test
    void byDefaultEchoesDeliveriesAndReadsAreLeftOut() {
        for (String f : List.of("echo.json", "delivery.json", "read.json", "message.json", "reaction.json",
                "message-edit.json")) {
            assertThat(client.post("/defaults", fixture(f)).statusCode()).isEqualTo(200);
        }
        assertThat(DEFAULTS.received()).extracting(x -> x.header(EVENT_TYPE))
                .containsExactly("message", "reaction", "unknown");
    }

    @Test
    void eventTypesSelectsWhatBecomesAnExchange() {
        for (String f : List.of("message.json", "quick-reply.json", "postback.json", "standby.json")) {
            assertThat(client.post("/postbacks", fixture(f)).statusCode()).isEqualTo(200);
        }
        assertThat(POSTBACKS.received()).extracting(x -> x.header(EVENT_TYPE))
                .containsExactly("quick_reply", "postback", "postback");
    }
}
