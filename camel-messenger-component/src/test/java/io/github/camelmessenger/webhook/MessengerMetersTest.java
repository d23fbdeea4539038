package io.github.camelmessenger.webhook;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.camelmessenger.metrics.MessengerMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelmessenger.webhook.ConversationWaitTest.delivery;
import static io.github.camelmessenger.webhook.ConversationWaitTest.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: the camel.messenger.* meters after real traffic: signed and forged POSTs to the webhook, answers through
 * a WireMock Graph API (one refused, one retried), a wait set, resolved and another expired.
 */
class MessengerMetersTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final WireMockServer graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private WebhookTestServer server;
    private WebhookClient client;

    @BeforeEach
    void start() {
        graph.start();
        graph.stubFor(post(urlPathMatching("/v25.0/.*/messages")).willReturn(okJson("{\"message_id\":\"m_1\"}")));
        graph.stubFor(post(urlPathMatching("/v25.0/.*/messages")).atPriority(1)
                .withRequestBody(containing("refuse me"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"(#100) Invalid\",\"code\":100,\"fbtrace_id\":\"x\"}}")));
        graph.stubFor(post(urlPathMatching("/v25.0/.*/messages")).atPriority(1)
                .withRequestBody(containing("busy"))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Temporary\",\"code\":2,\"fbtrace_id\":\"x\"}}")));
        server = new WebhookTestServer().bind("metricsRegistry", meters).graphAt(graph.baseUrl())
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        // a refused send must not make the platform deliver the event again
                        onException(Exception.class).handled(true);
                        from(ConversationWaitTest.WEBHOOK.replace("waitExpiryInterval=50", "waitExpiryInterval=100")
                                .replace("&stateRepository=#state", "") + "&maxBodySize=4000")
                                .choice()
                                    .when(header("CamelMessengerEventType").isEqualTo("wait_expired"))
                                        .stop()
                                    .when(header("CamelMessengerWaitStep").isNotNull())
                                        .setBody(constant("thanks"))
                                        .to("messenger:sendMessage")
                                    .when(header("CamelMessengerText").startsWith("wait"))
                                        .setHeader("CamelMessengerWaitStep", constant("ask"))
                                        .toD("messenger:waitForResponse?timeout=${header.CamelMessengerText.substring(5)}")
                                    .otherwise()
                                        .setBody(simple("You said: ${header.CamelMessengerText}"))
                                        .to("messenger:sendMessage?retryDelay=5&maxRetries=1");
                    }
                }).start();
        client = new WebhookClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
        graph.stop();
    }

    private void says(String user, String text) {
        String item = item("message", "{\"mid\":\"m-" + System.nanoTime() + "\",\"text\":\"" + text + "\"}")
                .replace(ConversationWaitTest.USER, user);
        assertThat(client.post("/messenger/webhook", delivery(item)).statusCode()).isEqualTo(200);
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theMetersCountRealTraffic() {
        says("u1", "hello");
        says("u1", "refuse me");
        says("u1", "busy");
        says("u2", "wait PT30M");
        says("u2", "my answer");
        says("u3", "wait PT0.2S");
        // refused before any route runs
        byte[] body = delivery(item("message", "{\"mid\":\"x\",\"text\":\"forged\"}")).getBytes();
        assertThat(client.post("/messenger/webhook", body, null).statusCode()).isEqualTo(403);
        assertThat(client.post("/messenger/webhook", "{\"x\":\"" + "a".repeat(5000) + "\"}").statusCode())
                .isEqualTo(413);
        String noSender = "{\"recipient\":{\"id\":\"" + ConversationWaitTest.PAGE + "\"},\"timestamp\":1,"
                          + "\"message\":{\"mid\":\"m-ns\",\"text\":\"who?\"}}";
        assertThat(client.post("/messenger/webhook", delivery(noSender)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> count(MessengerMeters.WAITS, "state", "expired") == 1);
        assertThat(count(MessengerMeters.WEBHOOK_EVENTS, "type", "message")).isEqualTo(6);
        assertThat(count(MessengerMeters.WEBHOOK_REJECTED, "reason", "signature")).isEqualTo(1);
        assertThat(count(MessengerMeters.WEBHOOK_REJECTED, "reason", "size")).isEqualTo(1);
        assertThat(count(MessengerMeters.WEBHOOK_REJECTED, "reason", "malformed")).isEqualTo(1);
        // hello, and the answer to the wait ("thanks")
        assertThat(count(MessengerMeters.SENDS, "operation", "sendMessage", "outcome", "success")).isEqualTo(2);
        assertThat(count(MessengerMeters.SENDS, "operation", "sendMessage", "outcome", "api_error")).isEqualTo(2);
        assertThat(count(MessengerMeters.GRAPH_ERRORS, "code", "100")).isEqualTo(1);
        assertThat(count(MessengerMeters.GRAPH_ERRORS, "code", "2")).isEqualTo(1);
        assertThat(count(MessengerMeters.RETRIES)).isEqualTo(1);
        assertThat(count(MessengerMeters.WAITS, "state", "set")).isEqualTo(2);
        assertThat(count(MessengerMeters.WAITS, "state", "resolved")).isEqualTo(1);
    }
}
