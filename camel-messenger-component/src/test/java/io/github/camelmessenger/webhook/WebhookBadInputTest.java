package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookBadInputTest {

    private static WebhookTestServer server;
    private static WebhookClient client;
    private static final EventCollector EVENTS = new EventCollector();

    @BeforeAll
    static void start() {
        server = WebhookTestServer.serving("messenger:webhook?appSecret=" + APP_SECRET + "&maxBodySize=2048", EVENTS);
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"object\":\"page\",\"entry\":[                                      | Malformed JSON",
            "not json at all                                                        | Malformed JSON",
            "''                                                                     | Body is not a JSON object",
            "[1,2]                                                                  | Body is not a JSON object",
            "\"page\"                                                               | Body is not a JSON object",
            "{\"object\":\"instagram\",\"entry\":[]}                                | object is not \"page\"",
            "{\"entry\":[]}                                                         | object is not \"page\"",
            "{\"object\":\"page\"}                                                  | Missing entry array",
            "{\"object\":\"page\",\"entry\":{}}                                     | Missing entry array",
            "{\"object\":\"page\",\"entry\":[1]}                                    | entry item is not an object",
            "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"messaging\":{}}]}      | entry.messaging is not an array",
            "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"standby\":[\"x\"]}]}   | entry.standby item is not an object",
            "{\"object\":\"page\",\"entry\":[]} trailing                            | Malformed JSON",
    })
    void answers400WithAShortReasonAndNoExchange(String body, String reason) {
        HttpResponse<String> r = client.post("/messenger/webhook", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo(reason);
        assertThat(EVENTS.count()).isZero();
    }

    @Test
    void answers413AboveMaxBodySize() {
        byte[] body = new byte[2049];
        Arrays.fill(body, (byte) ' ');
        byte[] event = fixture("message.json");
        System.arraycopy(event, 0, body, 0, event.length);
        HttpResponse<String> r = client.post("/messenger/webhook", body);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(EVENTS.count()).isZero();
    }

    @Test
    void acceptsExactlyMaxBodySize() {
        byte[] body = new byte[2048];
        Arrays.fill(body, (byte) ' ');
        byte[] event = fixture("message.json");
        System.arraycopy(event, 0, body, 0, event.length);
        assertThat(client.post("/messenger/webhook", body).statusCode()).isEqualTo(200);
        assertThat(EVENTS.count()).isEqualTo(1);
    }

    @Test
    void anEntryWithoutEventsIsAcknowledged() {
        HttpResponse<String> r = client.post("/messenger/webhook",
                "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"changes\":[{\"field\":\"feed\"}]}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(EVENTS.count()).isZero();
    }
}
