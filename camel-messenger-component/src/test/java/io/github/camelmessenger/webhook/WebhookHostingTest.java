package io.github.camelmessenger.webhook;

import java.nio.charset.StandardCharsets;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static io.github.camelmessenger.webhook.WebhookClient.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookHostingTest {

    @Test
    void servesSeveralWebhooksOnTheirOwnPathsInOneContext() {
        EventCollector pageA = new EventCollector();
        EventCollector pageB = new EventCollector();
        try (WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?webhookPath=/a/webhook&verifyToken=ta&appSecret=secret-a").process(pageA);
                from("messenger:webhook?webhookPath=/b/webhook&verifyToken=tb&appSecret=secret-b").process(pageB);
            }
        }).start()) {
            WebhookClient client = new WebhookClient(server);
            byte[] body = fixture("message.json");
            assertThat(client.post("/a/webhook", body, sign("secret-a", body)).statusCode()).isEqualTo(200);
            assertThat(client.post("/b/webhook", body, sign("secret-b", body)).statusCode()).isEqualTo(200);
            assertThat(client.post("/b/webhook", body, sign("secret-b", body)).statusCode()).isEqualTo(200);
            // each path checks its own app's secret
            assertThat(client.post("/a/webhook", body, sign("secret-b", body)).statusCode()).isEqualTo(403);
            assertThat(client.get("/a/webhook?hub.mode=subscribe&hub.verify_token=ta&hub.challenge=A").body())
                    .isEqualTo("A");
            assertThat(client.get("/b/webhook?hub.mode=subscribe&hub.verify_token=ta&hub.challenge=B").statusCode())
                    .isEqualTo(403);
            assertThat(pageA.count()).isEqualTo(1);
            assertThat(pageB.count()).isEqualTo(2);
            // the default path is not served by either
            assertThat(client.post("/messenger/webhook", body).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void refusesToStartWithoutAppSecret() {
        WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?verifyToken=t").process(new EventCollector());
            }
        });
        try (server) {
            assertThatThrownBy(server::start).hasStackTraceContaining("needs option appSecret")
                    .hasStackTraceContaining("allowUnsigned=true");
        }
    }

    @Test
    void acceptsUnsignedDeliveriesOnlyWhenAllowed() {
        EventCollector events = new EventCollector();
        try (WebhookTestServer server = WebhookTestServer.serving("messenger:webhook?allowUnsigned=true", events)) {
            WebhookClient client = new WebhookClient(server);
            assertThat(client.post("/messenger/webhook", fixture("message.json"), null).statusCode()).isEqualTo(200);
            assertThat(events.single().header(MessengerConstants.PAGE_ID)).isEqualTo("PAGE_1");
        }
    }

    @Test
    void checksSignaturesWhenAnAppSecretIsSetEvenIfUnsignedIsAllowed() {
        EventCollector events = new EventCollector();
        try (WebhookTestServer server = WebhookTestServer.serving("messenger:webhook?allowUnsigned=true&appSecret=" + APP_SECRET, events)) {
            WebhookClient client = new WebhookClient(server);
            assertThat(client.post("/messenger/webhook", fixture("message.json"), null).statusCode()).isEqualTo(403);
            assertThat(client.post("/messenger/webhook", "{}".getBytes(StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(400);
            assertThat(events.count()).isZero();
        }
    }

    @Test
    void otherMethodsAreNotServed() throws Exception {
        try (WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?appSecret=" + APP_SECRET).process(new EventCollector());
            }
        }).start()) {
            var http = java.net.http.HttpClient.newHttpClient();
            var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/messenger/webhook")))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isIn(404, 405);
        }
    }
}
