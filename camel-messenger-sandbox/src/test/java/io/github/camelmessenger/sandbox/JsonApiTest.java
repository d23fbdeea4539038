package io.github.camelmessenger.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's JSON API and Graph API over plain HTTP, on a standalone server, with a fake app taking deliveries. */
class JsonApiTest {

    private static FakeApp app;
    private static SandboxServer server;
    private static ApiClient api;

    @BeforeAll
    static void start() {
        app = new FakeApp();
        server = SandboxServer.start(Sandbox.builder().webhookUrl(app.webhookUrl()).build(), 0);
        api = new ApiClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
        app.close();
    }

    @BeforeEach
    void reset() {
        assertThat(api.post("/sandbox/api/reset", "{}").status()).isEqualTo(200);
    }

    private String newUser(String name) {
        ApiClient.Answer a = api.post("/sandbox/api/users", "{\"name\":\"" + name + "\"}");
        assertThat(a.status()).isEqualTo(201);
        return a.json().path("psid").asText();
    }

    private static void assertBadRequest(ApiClient.Answer a, String field) {
        assertThat(a.status()).as(a.text()).isEqualTo(400);
        assertThat(a.json().path("error").path("field").asText()).isEqualTo(field);
        assertThat(a.json().path("error").path("message").asText()).startsWith(field + ":");
    }

    private static void assertGraphError(ApiClient.Answer a, int code, int subcode, String... words) {
        assertThat(a.status()).as(a.text()).isIn(400, 403, 500);
        JsonNode e = a.json().path("error");
        assertThat(e.path("code").asInt()).as(a.text()).isEqualTo(code);
        assertThat(e.path("error_subcode").asInt(0)).as(a.text()).isEqualTo(subcode);
        assertThat(e.path("type").asText()).isNotEmpty();
        assertThat(e.path("fbtrace_id").asText()).hasSize(11);
        assertThat(e.path("message").asText()).contains(words);
    }

    @Test
    void usersAndTheirEventsWithFourHundredsNamingTheField() {
        String psid = newUser("Alice");

        assertBadRequest(api.post("/sandbox/api/users", "{}"), "name");
        assertBadRequest(api.post("/sandbox/api/users", "{\"name\":\"x\",\"psid\":\"no spaces\"}"), "psid");
        assertBadRequest(api.post("/sandbox/api/users", "not json"), "body");
        assertBadRequest(api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"shout\"}"), "type");
        assertBadRequest(api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"text\"}"), "text");
        assertBadRequest(api.post("/sandbox/api/users/" + psid + "/events",
                "{\"type\":\"quick_reply\",\"payload\":\"OFFERS\"}"), "payload");
        assertBadRequest(api.post("/sandbox/api/users/" + psid + "/events",
                "{\"type\":\"postback\",\"title\":\"Buy\"}"), "title");
        assertBadRequest(api.post("/sandbox/api/users/" + psid + "/events",
                "{\"type\":\"attachment\",\"attachmentType\":\"image\",\"url\":\"ftp://x\"}"), "url");
        assertBadRequest(api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"notify_me\"}"), "type");
        assertThat(api.post("/sandbox/api/users/nobody/events", "{\"type\":\"text\",\"text\":\"hi\"}").status())
                .isEqualTo(404);

        ApiClient.Answer said = api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"text\",\"text\":\"hi\"}");
        assertThat(said.status()).isEqualTo(200);
        assertThat(said.json().path("delivery").path("status").asInt()).isEqualTo(200);
        assertThat(said.json().path("entry").path("verdict").path("status").asText()).isEqualTo("delivered");
        assertThat(app.deliveries).last().satisfies(d -> {
            assertThat(d.body()).contains("\"messaging\"").contains("\"text\":\"hi\"");
            assertThat(d.signature256()).startsWith("sha256=").hasSize(71);
        });
    }

    @Test
    void theConversationShowsBothSidesInOrderWithTheVerdicts() {
        String psid = newUser("Bob");
        api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"text\",\"text\":\"hi\"}");
        ApiClient.Answer sent = api.graph("me/messages", "{\"recipient\":{\"id\":\"" + psid + "\"},"
                + "\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"Offers?\",\"quick_replies\":["
                + "{\"content_type\":\"text\",\"title\":\"Yes please, show me!!\",\"payload\":\"OFFERS\"}]}}");
        ApiClient.Answer refused = api.graph("me/messages", "{\"recipient\":{\"id\":\"" + psid + "\"},"
                + "\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"" + "x".repeat(2001) + "\"}}");
        api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"quick_reply\",\"payload\":\"OFFERS\"}");

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().path("recipient_id").asText()).isEqualTo(psid);
        assertThat(sent.json().path("message_id").asText()).startsWith("m_");
        assertGraphError(refused, 100, 0, "message[text]", "2000");

        JsonNode c = api.get("/sandbox/api/users/" + psid + "/conversation").json();
        JsonNode entries = c.path("entries");
        assertThat(entries).extracting(e -> e.path("side").asText() + ":" + e.path("kind").asText())
                .containsExactly("user:text", "bot:message", "bot:message", "user:quick_reply");
        assertThat(entries.get(1).path("body").path("message").path("text").asText()).isEqualTo("Offers?");
        assertThat(entries.get(1).path("verdict").path("status").asText()).isEqualTo("accepted");
        assertThat(entries.get(1).path("verdict").path("reason").asText()).contains("cut to 20 characters");
        assertThat(entries.get(2).path("verdict").path("status").asText()).isEqualTo("rejected");
        assertThat(entries.get(2).path("verdict").path("error").path("error").path("code").asInt()).isEqualTo(100);
        assertThat(entries.get(3).path("body").path("message").path("quick_reply").path("payload").asText())
                .isEqualTo("OFFERS");
    }

    @Test
    void theSendApiRulesWithThePlatformsErrors() {
        String psid = newUser("Carl");
        api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"text\",\"text\":\"hi\"}");
        String to = "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":\"RESPONSE\",";
        String qr = "{\"content_type\":\"text\",\"title\":\"Q\",\"payload\":\"Q\"}";

        assertGraphError(api.graph("me/messages", to + "\"message\":{\"text\":\"x\",\"quick_replies\":["
                + String.join(",", java.util.Collections.nCopies(14, qr)) + "]}}"), 100, 0,
                "message[quick_replies]", "13");
        assertGraphError(api.graph("me/messages", "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":"
                + "\"MESSAGE_TAG\",\"tag\":\"ACCOUNT_UPDATE\",\"message\":{\"text\":\"x\"}}"), 100, 0, "ACCOUNT_UPDATE");
        assertGraphError(api.graph("me/messages", to + "\"message\":{\"attachment\":{\"type\":\"template\","
                + "\"payload\":{\"template_type\":\"button\",\"text\":\"t\",\"buttons\":["
                + String.join(",", java.util.Collections.nCopies(4,
                        "{\"type\":\"postback\",\"title\":\"B\",\"payload\":\"B\"}")) + "]}}}}"), 100, 0, "buttons");
        assertGraphError(api.graph("me/messages", to + "\"message\":{\"attachment\":{\"type\":\"template\","
                + "\"payload\":{\"template_type\":\"media\",\"elements\":[{\"media_type\":\"image\","
                + "\"url\":\"https://example.com/cat.jpg\"}]}}}}"), 100, 0, "Facebook URL", "example.com");
        assertGraphError(api.graph("me/messages", to + "\"message\":{\"attachment\":{\"type\":\"template\","
                + "\"payload\":{\"template_type\":\"one_time_notif_req\",\"title\":\"" + "t".repeat(66)
                + "\",\"payload\":\"p\"}}}}"), 100, 0, "[title]", "65");
        assertGraphError(api.graph("me/messages", "{\"recipient\":{\"id\":\"" + psid + "\"},"
                + "\"message\":{\"text\":\"x\"}}"), 100, 0, "messaging_type");
        assertGraphError(api.graph("me/messages", "{\"recipient\":{\"user_ref\":\"r\"},"
                + "\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"x\"}}"), 100, 0, "user_ref");
        assertGraphError(api.graph("me/feed", "{}"), 100, 33, "Unsupported post request");
        assertGraphError(api.graph("me/extend_thread_control", "{\"recipient\":{\"id\":\"" + psid + "\"},"
                + "\"duration\":691200}"), 100, 0, "604800");
        assertThat(api.send(java.net.http.HttpRequest.newBuilder(URI.create(server.baseUrl()
                + "/sandbox/graph/v25.0/me/thread_owner?recipient=" + psid))
                .header("Authorization", "Bearer sandbox-page-token").GET()).json().toString())
                .isEqualTo("{\"data\":[]}");
    }

    @Test
    void tokensAndAppSecretProof() {
        String body = "{\"recipient\":{\"id\":\"1\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"x\"}}";
        String url = server.baseUrl() + "/sandbox/graph/v25.0/me/messages";

        assertGraphError(api.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))), 104, 0, "access token is required");
        assertGraphError(api.send(HttpRequest.newBuilder(URI.create(url + "?access_token=wrong"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))),
                190, 0, "Invalid OAuth access token");
        assertGraphError(api.send(HttpRequest.newBuilder(URI.create(url + "?appsecret_proof=00ff"))
                .header("Authorization", "Bearer sandbox-page-token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))), 100, 0, "appsecret_proof");
    }

    @Test
    void theClockMovesForwardOnly() {
        Instant before = Instant.parse(api.get("/sandbox/api/clock").json().path("now").asText());

        JsonNode after = api.post("/sandbox/api/clock", "{\"advance\":\"PT25H\"}").json();

        assertThat(Duration.between(before, Instant.parse(after.path("now").asText())))
                .isBetween(Duration.ofHours(25), Duration.ofHours(25).plusMinutes(1));
        assertBadRequest(api.post("/sandbox/api/clock", "{\"advance\":\"yesterday\"}"), "advance");
        assertBadRequest(api.post("/sandbox/api/clock", "{\"advance\":\"-PT1H\"}"), "advance");
        assertBadRequest(api.post("/sandbox/api/clock", "{}"), "advance");
    }

    @Test
    void faultsForTheNextCallsAndLatency() {
        String psid = newUser("Dora");
        api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"text\",\"text\":\"hi\"}");
        String send = "{\"recipient\":{\"id\":\"" + psid + "\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"x\"}}";

        assertThat(api.post("/sandbox/api/faults", "{\"code\":613,\"calls\":1}").status()).isEqualTo(201);
        assertGraphError(api.graph("me/messages", send), 613, 0, "rate limit");
        assertThat(api.graph("me/messages", send).status()).isEqualTo(200);

        assertThat(api.post("/sandbox/api/faults", "{\"latency\":\"PT0.4S\",\"psid\":\"" + psid + "\"}").status())
                .isEqualTo(201);
        long start = System.nanoTime();
        assertThat(api.graph("me/messages", send).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(api.get("/sandbox/api/faults").json()).hasSize(1);
        assertThat(api.delete("/sandbox/api/faults").json()).isEmpty();

        assertBadRequest(api.post("/sandbox/api/faults", "{\"subcode\":5}"), "code");
        assertBadRequest(api.post("/sandbox/api/faults", "{\"code\":\"two\"}"), "code");
        assertBadRequest(api.post("/sandbox/api/faults", "{\"latency\":\"soon\"}"), "latency");
    }

    @Test
    void theSmsGatewayAndTheEmailOutbox() {
        ApiClient.Answer sms = api.post("/sandbox/sms", "{\"to\":\"+15551234567\",\"text\":\"Back in stock\"}");
        ApiClient.Answer mail = api.post("/sandbox/api/outbox",
                "{\"to\":\"ann@example.org\",\"subject\":\"News\",\"text\":\"Back in stock\"}");

        assertThat(sms.status()).isEqualTo(200);
        assertThat(sms.json().path("status").asText()).isEqualTo("queued");
        assertThat(mail.status()).isEqualTo(201);
        assertThat(api.get("/sandbox/api/outbox").json()).extracting(n -> n.path("channel").asText())
                .containsExactly("sms", "email");
        assertBadRequest(api.post("/sandbox/sms", "{\"to\":\"5551234\",\"text\":\"x\"}"), "to");
        assertBadRequest(api.post("/sandbox/sms", "{\"to\":\"+15551234567\"}"), "text");
        assertBadRequest(api.post("/sandbox/api/outbox", "{\"to\":\"nobody\",\"text\":\"x\"}"), "to");
    }

    @Test
    void thePageAndItsLiveStream() throws Exception {
        ApiClient.Answer page = api.get("/sandbox");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<title>Messenger sandbox</title>").contains("/sandbox/assets/sandbox.js");
        assertThat(api.get("/sandbox/assets/sandbox.css").status()).isEqualTo(200);

        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<String> firstEntry = http.sendAsync(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/sandbox/api/stream")).build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(r -> {
                    try (Stream<String> lines = r.body()) {
                        return lines.filter(l -> l.contains("\"type\":\"entry\"")).findFirst().orElse(null);
                    }
                });
        String psid = newUser("Eli");
        // the stream may connect after the first event: keep acting until it shows one
        for (int i = 0; i < 50 && !firstEntry.isDone(); i++) {
            api.post("/sandbox/api/users/" + psid + "/events", "{\"type\":\"text\",\"text\":\"ping " + i + "\"}");
        }
        assertThat(firstEntry.get(10, TimeUnit.SECONDS)).startsWith("data: ").contains(psid);
    }
}
