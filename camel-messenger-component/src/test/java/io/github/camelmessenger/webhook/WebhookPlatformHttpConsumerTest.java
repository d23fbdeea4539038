package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.VERIFY_TOKEN;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static io.github.camelmessenger.webhook.WebhookClient.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol through a plain platform-http consumer: the path taken on engines other than Vert.x (servlet in
 * Spring Boot), where the raw body reaches the webhook as the engine hands it over.
 */
class WebhookPlatformHttpConsumerTest {

    private static WebhookTestServer server;
    private static WebhookClient client;
    private static final EventCollector EVENTS = new EventCollector();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final List<String> ORDER = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = new WebhookTestServer().viaPlatformHttpConsumer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("messenger:webhook?maxBodySize=2048&verifyToken=" + VERIFY_TOKEN + "&appSecret=" + APP_SECRET)
                        .process(e -> {
                            if (FAILURES_LEFT.getAndDecrement() > 0) {
                                throw new IllegalStateException("failing on purpose");
                            }
                        })
                        .delay(100).asyncDelayed()
                        .process(EVENTS)
                        .process(e -> ORDER.add("processed"));
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
        EVENTS.clear();
        ORDER.clear();
        FAILURES_LEFT.set(0);
    }

    @Test
    void handshake() {
        assertThat(client.get("/messenger/webhook?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                              + "&hub.challenge=77").body()).isEqualTo("77");
        assertThat(client.get("/messenger/webhook?hub.mode=subscribe&hub.verify_token=no&hub.challenge=77")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void signedNonAsciiDeliveryIsVerifiedOverTheRawBytesAndAnsweredAfterTheRoute() {
        HttpResponse<String> r = client.post("/messenger/webhook", fixture("non-ascii-raw.json"));
        ORDER.add("answered " + r.statusCode());
        assertThat(ORDER).containsExactly("processed", "answered 200");
        assertThat(EVENTS.single().header(MessengerConstants.TEXT)).isEqualTo("äöå ❤️ 😀 日本");
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Hub-Signature-256"));
    }

    @Test
    void badSignaturesBadBodiesAndLargeBodiesProduceNoExchange() {
        byte[] body = fixture("message.json");
        assertThat(client.post("/messenger/webhook", body, null).statusCode()).isEqualTo(403);
        assertThat(client.post("/messenger/webhook", body, sign("other", body)).statusCode()).isEqualTo(403);
        assertThat(client.post("/messenger/webhook", "{\"object\":\"user\",\"entry\":[]}").body())
                .isEqualTo("object is not \"page\"");
        assertThat(client.post("/messenger/webhook", "{\"object\":").statusCode()).isEqualTo(400);
        byte[] large = new byte[4096];
        Arrays.fill(large, (byte) ' ');
        System.arraycopy(body, 0, large, 0, body.length);
        assertThat(client.post("/messenger/webhook", large).statusCode()).isEqualTo(413);
        assertThat(EVENTS.count()).isZero();
    }

    @Test
    void aFailureAnswers500ThenTheRedeliverySucceeds() {
        FAILURES_LEFT.set(1);
        assertThat(client.post("/messenger/webhook", fixture("batch.json")).statusCode()).isEqualTo(500);
        assertThat(client.post("/messenger/webhook", fixture("batch.json")).statusCode()).isEqualTo(200);
        assertThat(EVENTS.received()).extracting(x -> x.header(MessengerConstants.MESSAGE_ID))
                .containsExactly("m_b2", "m_b3", "m_b4", "m_b1", "m_b2", "m_b3", "m_b4");
    }

    @Test
    void theBodyIsTheTypedEvent() {
        assertThat(client.post("/messenger/webhook", new String(fixture("postback.json"), StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);
        assertThat(EVENTS.single().event().postback().payload()).isEqualTo("GET_STARTED");
    }
}
