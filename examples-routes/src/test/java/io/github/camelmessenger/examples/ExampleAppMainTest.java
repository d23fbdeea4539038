package io.github.camelmessenger.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The main job: the app as the README's first command starts it, on its embedded defaults only (H2, the sandbox inside
 * the app, the embedded SMTP server, the sandbox's SMS gateway), with free ports and the offers crons every second.
 * A person's walk, over HTTP: the page, a user who shares e-mail and phone, the fallback e-mail and SMS on the
 * sandbox's outbox, then the Notify Me opt-in and the broadcast it buys.
 */
class ExampleAppMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Main main;
    private String base;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void aPersonWalksTheFlowsOnThePageAndSeesTheFallbackMailAndSms() throws Exception {
        int port = ExampleApp.freePort();
        main = new Main();
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("example.mail.embedded-port", String.valueOf(ExampleApp.freePort()));
        main.addOverrideProperty("example.offers.fallback-cron", ExampleApp.EVERY_SECOND);
        main.addOverrideProperty("example.offers.broadcast-cron", ExampleApp.EVERY_SECOND);
        main.start();
        base = "http://localhost:" + port;

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Messenger sandbox");

        JsonNode dora = post("/sandbox/api/users", "{\"name\":\"Dora\"}");
        String psid = dora.path("psid").asText();
        String events = "/sandbox/api/users/" + psid + "/events";
        post(events, "{\"type\":\"text\",\"text\":\"hi\"}");
        assertThat(lastBotText(psid)).isEqualTo("Hi! I am the camel-messenger demo bot. What would you like?");
        post(events, "{\"type\":\"quick_reply\",\"payload\":\"CONTACT\"}");
        post(events, "{\"type\":\"quick_reply\",\"contentType\":\"user_email\"}");
        post(events, "{\"type\":\"quick_reply\",\"contentType\":\"user_phone_number\"}");
        assertThat(lastBotText(psid)).isEqualTo("Thanks! We have your number " + dora.path("phone").asText() + ".");

        // the fallback of the offers occasion: the e-mail went through the SMTP server to the page, the SMS through
        // the sandbox's gateway
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(outbox())
                .anySatisfy(i -> assertThat(i.path("channel").asText() + " " + i.path("to").asText() + " "
                                            + i.path("text").asText())
                        .startsWith("email " + dora.path("email").asText()).contains("https://m.me/sandbox.page"))
                .anySatisfy(i -> assertThat(i.path("channel").asText() + " " + i.path("to").asText() + " "
                                            + i.path("text").asText())
                        .startsWith("sms " + dora.path("phone").asText()).contains("https://m.me/sandbox.page")));

        // flow 1, then the broadcast the token buys
        post(events, "{\"type\":\"quick_reply\",\"payload\":\"OFFERS\"}");
        post(events, "{\"type\":\"notify_me\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> botTexts(psid)
                .contains("This week's offers are out! Want to see them?"));

        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(base + "/example/images/hat.svg"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s: %s", path, body, answer.body()).isBetween(200, 201);
        JsonNode json = JSON.readTree(answer.body());
        if (json.has("delivery")) {
            assertThat(json.path("delivery").path("status").asInt()).as("the webhook's answer to %s", body)
                    .isEqualTo(200);
        }
        return json;
    }

    private List<String> botTexts(String psid) throws Exception {
        JsonNode conversation = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/api/users/"
                                                                                           + psid + "/conversation"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        List<String> texts = new ArrayList<>();
        conversation.path("entries").forEach(e -> {
            if ("bot".equals(e.path("side").asText()) && e.path("body").path("message").has("text")) {
                texts.add(e.path("body").path("message").path("text").asText());
            }
        });
        return texts;
    }

    private String lastBotText(String psid) throws Exception {
        List<String> texts = botTexts(psid);
        return texts.isEmpty() ? null : texts.get(texts.size() - 1);
    }

    private List<JsonNode> outbox() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/api/outbox")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).forEach(items::add);
        return items;
    }
}
