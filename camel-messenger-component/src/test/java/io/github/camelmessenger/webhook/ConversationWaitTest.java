package io.github.camelmessenger.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** waitForResponse end to end: the user's next input, posted to the webhook, answers the step; or it expires. */
class ConversationWaitTest {

    static final String PAGE = "PAGE_1";
    static final String USER = "USER_7";
    static final String WEBHOOK = "messenger:webhook?verifyToken=" + WebhookClient.VERIFY_TOKEN + "&appSecret="
                                  + WebhookClient.APP_SECRET + "&stateRepository=#state&waitExpiryInterval=50";

    private final InMemoryConversationStateRepository state = new InMemoryConversationStateRepository();
    private final EventCollector collected = new EventCollector();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private WebhookTestServer server;
    private WebhookClient client;
    private ProducerTemplate template;

    @BeforeEach
    void start() {
        server = new WebhookTestServer().bind("state", state).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from(WEBHOOK).process(collected).process(e -> {
                    if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new IllegalStateException("injected route failure");
                    }
                });
            }
        }).start();
        client = new WebhookClient(server);
        template = server.context().createProducerTemplate();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void waitFor(String step, String timeout) {
        template.send("messenger:waitForResponse?stateRepository=#state&step=" + step + "&timeout=" + timeout, e -> {
            e.getMessage().setHeader("CamelMessengerPageId", PAGE);
            e.getMessage().setHeader("CamelMessengerRecipientId", USER);
        });
    }

    static String delivery(String messagingItem) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1,\"messaging\":[" + messagingItem
               + "]}]}";
    }

    static String item(String kind, String json) {
        return "{\"sender\":{\"id\":\"" + USER + "\"},\"recipient\":{\"id\":\"" + PAGE + "\"},\"timestamp\":"
               + System.currentTimeMillis() + ",\"" + kind + "\":" + json + "}";
    }

    private EventCollector.Received answer(String item) {
        collected.clear();
        assertThat(client.post("/messenger/webhook", delivery(item)).statusCode()).isEqualTo(200);
        return collected.awaitCount(1).get(0);
    }

    @Test
    void eachKindOfInputAnswersTheStep() {
        Map<String, String> inputs = Map.of(
                "text", item("message", "{\"mid\":\"m1\",\"text\":\"me@example.com\"}"),
                "quick reply", item("message", "{\"mid\":\"m2\",\"text\":\"Red\",\"quick_reply\":{\"payload\":\"RED\"}}"),
                "postback", item("postback", "{\"mid\":\"m3\",\"title\":\"Start\",\"payload\":\"START\"}"),
                "image", item("message", "{\"mid\":\"m4\",\"attachments\":[{\"type\":\"image\","
                                         + "\"payload\":{\"url\":\"https://cdn.example.com/p.jpg\"}}]}"),
                "location", item("message", "{\"mid\":\"m5\",\"attachments\":[{\"type\":\"location\","
                                            + "\"payload\":{\"coordinates\":{\"lat\":52.5,\"long\":13.4}}}]}"),
                "sticker", item("message", "{\"mid\":\"m6\",\"attachments\":[{\"type\":\"sticker\","
                                           + "\"payload\":{\"url\":\"https://cdn.example.com/s.png\","
                                           + "\"sticker_id\":369239263222822}}]}"));
        inputs.forEach((kind, item) -> {
            waitFor("ask-" + kind.replace(' ', '-'), "PT30M");
            EventCollector.Received got = answer(item);
            assertThat(got.header("CamelMessengerWaitStep")).as(kind).isEqualTo("ask-" + kind.replace(' ', '-'));
            assertThat(state.findWait(PAGE, USER)).as("wait removed after " + kind).isEmpty();
        });
    }

    @Test
    void theAnswerCarriesItsData() {
        waitFor("ask-color", "PT30M");
        EventCollector.Received got = answer(
                item("message", "{\"mid\":\"m2\",\"text\":\"Red\",\"quick_reply\":{\"payload\":\"RED\"}}"));
        assertThat(got.header("CamelMessengerQuickReplyPayload")).isEqualTo("RED");
        assertThat(got.header("CamelMessengerText")).isEqualTo("Red");

        waitFor("ask-photo", "PT30M");
        got = answer(item("message", "{\"mid\":\"m4\",\"attachments\":[{\"type\":\"image\","
                                     + "\"payload\":{\"url\":\"https://cdn.example.com/p.jpg\"}}]}"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) got.header("CamelMessengerAttachments");
        assertThat(attachments).singleElement().satisfies(a -> {
            assertThat(a.get("type")).isEqualTo("image");
            assertThat(a.get("url")).isEqualTo("https://cdn.example.com/p.jpg");
        });
    }

    @Test
    void theNextInputWithoutAWaitHasNoStep() {
        EventCollector.Received got = answer(item("message", "{\"mid\":\"m9\",\"text\":\"hello\"}"));

        assertThat(got.headers()).doesNotContainKey("CamelMessengerWaitStep");
        assertThat(state.lastInbound(PAGE, USER)).isPresent();
    }

    @Test
    void anUnansweredWaitExpiresOnce() {
        waitFor("ask-email", "PT0.2S");

        List<EventCollector.Received> expired = collected.awaitCount(1);
        await().pollDelay(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2)).until(() -> true);

        assertThat(collected.received()).hasSize(1);
        EventCollector.Received got = expired.get(0);
        assertThat(got.header("CamelMessengerEventType")).isEqualTo("wait_expired");
        assertThat(got.header("CamelMessengerWaitStep")).isEqualTo("ask-email");
        assertThat(got.header("CamelMessengerSenderId")).isEqualTo(USER);
        assertThat(got.header("CamelMessengerPageId")).isEqualTo(PAGE);
        assertThat(got.event().type()).isEqualTo(MessengerEventType.WAIT_EXPIRED);
    }

    @Test
    void aNewWaitReplacesTheOld() {
        waitFor("ask-email", "PT0.3S");
        waitFor("ask-phone", "PT30M");

        EventCollector.Received got = answer(item("message", "{\"mid\":\"m1\",\"text\":\"+15551234567\"}"));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);

        assertThat(got.header("CamelMessengerWaitStep")).isEqualTo("ask-phone");
        assertThat(collected.received()).as("no expiry of the replaced wait").hasSize(1);
    }

    @Test
    void aFailedAnswerLeavesTheWaitForTheRedelivery() {
        waitFor("ask-email", "PT30M");
        failuresToInject.set(1);
        String body = delivery(item("message", "{\"mid\":\"m1\",\"text\":\"me@example.com\"}"));

        assertThat(client.post("/messenger/webhook", body).statusCode()).isEqualTo(500);
        assertThat(state.findWait(PAGE, USER)).isPresent();

        collected.clear();
        assertThat(client.post("/messenger/webhook", body).statusCode()).isEqualTo(200);
        assertThat(collected.single().header("CamelMessengerWaitStep")).isEqualTo("ask-email");
    }

    @Test
    void standbyInputDoesNotAnswerTheBot() {
        waitFor("ask-email", "PT30M");
        String standby = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1,\"standby\":["
                         + item("message", "{\"mid\":\"m1\",\"text\":\"to the human agent\"}") + "]}]}";

        assertThat(client.post("/messenger/webhook", standby).statusCode()).isEqualTo(200);

        assertThat(collected.awaitCount(1).get(0).headers()).doesNotContainKey("CamelMessengerWaitStep");
        assertThat(state.findWait(PAGE, USER)).isPresent();
        assertThat(state.lastInbound(PAGE, USER)).hasValueSatisfying(
                t -> assertThat(t).isAfter(Instant.now().minusSeconds(60)));
    }
}
