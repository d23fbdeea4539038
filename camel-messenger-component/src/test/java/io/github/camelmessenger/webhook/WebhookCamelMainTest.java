package io.github.camelmessenger.webhook;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** As deployed with Camel Main: the embedded server of camel-platform-http-main, with a management server too. */
class WebhookCamelMainTest {

    @Test
    void servesTheWebhookOnCamelMainsServerNotOnTheManagementServer() throws Exception {
        int port = WebhookTestServer.freePort();
        int managementPort = WebhookTestServer.freePort();
        EventCollector events = new EventCollector();
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?webhookPath=/bot/webhook&appSecret=" + APP_SECRET).process(events);
            }
        });
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", String.valueOf(managementPort));
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        LogCapture log = LogCapture.of(MessengerWebhookConsumer.class, org.apache.logging.log4j.Level.INFO);
        main.start();
        try (log) {
            assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("/bot/webhook via platform-http Vert.x router"));
            WebhookClient client = new WebhookClient("http://127.0.0.1:" + port);
            assertThat(client.post("/bot/webhook", fixture("postback.json")).statusCode()).isEqualTo(200);
            assertThat(events.single().header(MessengerConstants.POSTBACK_PAYLOAD)).isEqualTo("GET_STARTED");
            assertThat(new WebhookClient("http://127.0.0.1:" + managementPort).post("/bot/webhook",
                    fixture("postback.json")).statusCode()).isEqualTo(404);
        } finally {
            main.stop();
        }
    }

    /** Issue 13: the messenger checks are what Camel Main's /observe/health reports. */
    @Test
    void theWebhooksHealthCheckIsOnCamelMainsObserveHealth() throws Exception {
        int port = WebhookTestServer.freePort();
        int managementPort = WebhookTestServer.freePort();
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?webhookPath=/bot/webhook&appSecret=" + APP_SECRET).to("log:events");
            }
        });
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("camel.management.enabled", "true");
        main.addInitialProperty("camel.management.host", "127.0.0.1");
        main.addInitialProperty("camel.management.port", String.valueOf(managementPort));
        main.addInitialProperty("camel.management.healthCheckEnabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.start();
        try {
            java.net.http.HttpResponse<String> health = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + managementPort + "/observe/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("messenger-webhook-bot-webhook").contains("\"UP\"");
        } finally {
            main.stop();
        }
    }
}
