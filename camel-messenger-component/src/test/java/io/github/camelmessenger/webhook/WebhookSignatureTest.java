package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.github.camelmessenger.MessengerConstants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static io.github.camelmessenger.webhook.WebhookClient.sign;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static WebhookTestServer server;
    private static WebhookClient client;
    private static final EventCollector EVENTS = new EventCollector();

    @BeforeAll
    static void start() {
        server = WebhookTestServer.serving("messenger:webhook?verifyToken=t&appSecret=" + APP_SECRET, EVENTS);
        client = new WebhookClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        EVENTS.clear();
    }

    @Test
    void acceptsAValidSignature() {
        HttpResponse<String> r = client.post("/messenger/webhook", fixture("message.json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(EVENTS.single().header(MessengerConstants.TEXT)).isEqualTo("hello, world!");
    }

    @Test
    void refusesAMissingSignature() {
        assertThat(client.post("/messenger/webhook", fixture("message.json"), null).statusCode()).isEqualTo(403);
        assertThat(EVENTS.count()).isZero();
    }

    @Test
    void refusesAWrongSignature() {
        byte[] body = fixture("message.json");
        assertThat(client.post("/messenger/webhook", body, sign("another-secret", body)).statusCode())
                .isEqualTo(403);
        assertThat(client.post("/messenger/webhook", body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(403);
        assertThat(client.post("/messenger/webhook", body, sign(APP_SECRET, body).substring(7)).statusCode())
                .isEqualTo(403);
        assertThat(client.post("/messenger/webhook", body, "sha1=" + sign(APP_SECRET, body).substring(7))
                .statusCode()).isEqualTo(403);
        assertThat(client.post("/messenger/webhook", body, "sha256=zz" + sign(APP_SECRET, body).substring(9))
                .statusCode()).isEqualTo(403);
        assertThat(EVENTS.count()).isZero();
    }

    @Test
    void refusesATamperedBody() {
        byte[] body = fixture("message.json");
        String signature = sign(APP_SECRET, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("hello", "HELLO")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(client.post("/messenger/webhook", tampered, signature).statusCode()).isEqualTo(403);
        assertThat(EVENTS.count()).isZero();
    }

    @Test
    void acceptsUpperCaseHex() {
        byte[] body = fixture("message.json");
        String signature = sign(APP_SECRET, body);
        assertThat(client.post("/messenger/webhook", body, "sha256=" + signature.substring(7).toUpperCase())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void verifiesEscapedUnicodeOverTheRawBytes() {
        // the platform sends \u00e4 escapes: a check over a re-serialised document would fail
        HttpResponse<String> r = client.post("/messenger/webhook", fixture("non-ascii-escaped.json"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(EVENTS.single().header(MessengerConstants.TEXT)).isEqualTo("äöå ❤️ 😀 日本");
    }

    @Test
    void verifiesRawUtf8Bytes() {
        byte[] body = fixture("non-ascii-raw.json");
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("äöå");
        HttpResponse<String> r = client.post("/messenger/webhook", body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(EVENTS.single().header(MessengerConstants.TEXT)).isEqualTo("äöå ❤️ 😀 日本");
    }
}
