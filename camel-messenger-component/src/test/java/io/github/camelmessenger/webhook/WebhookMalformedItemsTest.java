package io.github.camelmessenger.webhook;

import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.MessengerConstants.MESSAGE_ID;
import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An item of a delivery that lacks who sent it (or to whom) is not an event a route can answer: it is logged once,
 * counted, and the other items of the delivery still arrive.
 */
class WebhookMalformedItemsTest {

    private static WebhookTestServer server;
    private static WebhookClient client;
    private static JdbcWebhookInbox inbox;
    private static final EventCollector DIRECT = new EventCollector();
    private static final EventCollector VIA_INBOX = new EventCollector();

    @BeforeAll
    static void start() {
        inbox = new JdbcWebhookInbox(TestDatabases.h2(), TestDatabases.uniqueTable("INBOX"));
        server = new WebhookTestServer().bind("inbox", inbox).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?webhookPath=/direct&eventTypes=*&appSecret=" + APP_SECRET).routeId("direct")
                        .process(DIRECT);
                from("messenger:webhook?webhookPath=/inbox&inbox=#inbox&inboxPollDelay=50&appSecret=" + APP_SECRET)
                        .routeId("inbox").process(VIA_INBOX);
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
        DIRECT.clear();
        VIA_INBOX.clear();
    }

    private static MessengerWebhookConsumer consumer(String routeId) {
        return (MessengerWebhookConsumer) server.context().getRoute(routeId).getConsumer();
    }

    private static String delivery(String... items) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1458692752478,\"messaging\":["
               + String.join(",", items) + "]}]}";
    }

    private static final String NO_SENDER = "{\"recipient\":{\"id\":\"PAGE_1\"},\"timestamp\":2,"
                                            + "\"message\":{\"mid\":\"m_nosender\",\"text\":\"secret text\"}}";
    private static final String EMPTY_SENDER = "{\"sender\":{},\"recipient\":{\"id\":\"PAGE_1\"},\"timestamp\":3,"
                                               + "\"postback\":{\"payload\":\"P\"}}";
    private static final String NO_RECIPIENT = "{\"sender\":{\"id\":\"USER_1\"},\"timestamp\":4,"
                                                + "\"message\":{\"mid\":\"m_norecipient\",\"text\":\"x\"}}";

    @Test
    void itemsWithoutSenderOrRecipientAreCountedAndTheOthersArrive() {
        long before = consumer("direct").getMalformedEvents();
        try (LogCapture log = LogCapture.of(MalformedItems.class)) {
            assertThat(client.post("/direct", delivery(Deliveries.event("USER_1", "m_ok1", 1, "a"), NO_SENDER,
                    EMPTY_SENDER, NO_RECIPIENT, Deliveries.event("USER_2", "m_ok2", 5, "b"))).statusCode())
                    .isEqualTo(200);
            assertThat(DIRECT.received()).extracting(r -> r.header(MESSAGE_ID)).containsExactly("m_ok1", "m_ok2");
            assertThat(consumer("direct").getMalformedEvents() - before).isEqualTo(3);
            assertThat(log.warnings()).hasSize(3)
                    .allSatisfy(w -> assertThat(w).contains("/direct").doesNotContain("secret text"))
                    .anySatisfy(w -> assertThat(w).contains("sender"))
                    .anySatisfy(w -> assertThat(w).contains("recipient"));
        }
    }

    @Test
    void eventsThatHaveNoSenderByDesignStillArrive() {
        long before = consumer("direct").getMalformedEvents();
        String appRoles = "{\"recipient\":{\"id\":\"PAGE_1\"},\"timestamp\":6,\"app_roles\":{\"123\":[\"primary_receiver\"]}}";
        // the checkbox plugin's opt-in names the user in optin.user_ref
        String checkbox = "{\"recipient\":{\"id\":\"PAGE_1\"},\"timestamp\":7,"
                          + "\"optin\":{\"ref\":\"cart\",\"user_ref\":\"UREF_1\"}}";
        String guest = "{\"sender\":{\"user_ref\":\"UREF_2\"},\"recipient\":{\"id\":\"PAGE_1\"},\"timestamp\":8,"
                       + "\"message\":{\"mid\":\"m_guest\",\"text\":\"hi\"}}";
        String policy = "{\"recipient\":{\"id\":\"PAGE_1\"},\"timestamp\":9,"
                        + "\"policy-enforcement\":{\"action\":\"block\",\"reason\":\"spam\"}}";
        assertThat(client.post("/direct", delivery(appRoles, checkbox, guest, policy)).statusCode()).isEqualTo(200);
        assertThat(DIRECT.received()).extracting(r -> r.event().type()).containsExactly(MessengerEventType.APP_ROLES,
                MessengerEventType.OPTIN, MessengerEventType.MESSAGE, MessengerEventType.UNKNOWN);
        assertThat(DIRECT.received().get(1).event().userRef()).isEqualTo("UREF_1");
        assertThat(DIRECT.received().get(2).event().userRef()).isEqualTo("UREF_2");
        assertThat(consumer("direct").getMalformedEvents()).isEqualTo(before);
    }

    @Test
    void theInboxStoresNoMalformedItem() {
        long before = consumer("inbox").getMalformedEvents();
        assertThat(client.post("/inbox", delivery(NO_SENDER, Deliveries.event("USER_3", "m_ok3", 10, "c"), NO_RECIPIENT))
                .statusCode()).isEqualTo(200);
        assertThat(VIA_INBOX.awaitCount(1)).extracting(r -> r.header(MESSAGE_ID)).containsExactly("m_ok3");
        await().until(() -> inbox.pendingCount() == 0);
        assertThat(inbox.deadLetters()).isEmpty();
        assertThat(consumer("inbox").getMalformedEvents() - before).isEqualTo(2);
    }

    @Test
    void anEmptyVerifyTokenIsAConfigurationError() {
        for (String token : new String[] { "", "RAW(   )" }) {
            WebhookTestServer broken = new WebhookTestServer().routes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("messenger:webhook?appSecret=" + APP_SECRET + "&verifyToken=" + token)
                            .process(new EventCollector());
                }
            });
            try (broken) {
                assertThatThrownBy(broken::start).hasStackTraceContaining("verifyToken");
            }
        }
    }
}
