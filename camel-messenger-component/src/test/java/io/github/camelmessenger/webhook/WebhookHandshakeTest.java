package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.VERIFY_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookHandshakeTest {

    private static WebhookTestServer server;
    private static WebhookClient client;
    private static final EventCollector EVENTS = new EventCollector();

    @BeforeAll
    static void start() {
        server = WebhookTestServer.serving("messenger:webhook?verifyToken=" + VERIFY_TOKEN + "&appSecret=" + APP_SECRET, EVENTS);
        client = new WebhookClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void answersTheChallengeAsPlainText() {
        HttpResponse<String> r = client.get("/messenger/webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                                            + "&hub.challenge=1158201444");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("1158201444");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(EVENTS.count()).isZero();
    }

    @Test
    void echoesTheChallengeExactly() {
        HttpResponse<String> r = client.get("/messenger/webhook?hub.challenge=a%2Bb%20c%26d&hub.mode=subscribe"
                                            + "&hub.verify_token=" + VERIFY_TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("a+b c&d");
    }

    @Test
    void refusesAWrongToken() {
        assertThat(client.get("/messenger/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")
                .statusCode()).isEqualTo(403);
        assertThat(client.get("/messenger/webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                              + "x&hub.challenge=1")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void refusesAnotherMode() {
        assertThat(client.get("/messenger/webhook?hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN
                              + "&hub.challenge=1")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void refusesMissingParameters() {
        assertThat(client.get("/messenger/webhook").statusCode()).isEqualTo(403);
        assertThat(client.get("/messenger/webhook?hub.mode=subscribe&hub.challenge=1").statusCode()).isEqualTo(403);
        assertThat(client.get("/messenger/webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN).statusCode())
                .isEqualTo(403);
    }

    @Test
    void doesNotEchoRequestHeaders() {
        HttpResponse<String> r = client.get("/messenger/webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                                            + "&hub.challenge=42");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("hub."));
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("camel"));
    }
}
