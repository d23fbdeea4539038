package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * maxBodySize holds on every ingress before a body is buffered: a declared length over it is refused without
 * reading, a chunked body is cut off once over it; and a delivery without signature is refused without its body
 * being read. On the Vert.x router ingress, a bad signature is refused on the event loop even when every worker
 * thread is taken.
 */
class WebhookIngressLimitsTest {

    private static final String SIGNATURE = "X-Hub-Signature-256: sha256=" + "0".repeat(64);
    private static final EventCollector EVENTS = new EventCollector();
    private static WebhookTestServer router;
    private static WebhookTestServer consumer;

    @BeforeAll
    static void start() {
        router = server().start();
        consumer = server().viaPlatformHttpConsumer().start();
    }

    private static WebhookTestServer server() {
        return new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?maxBodySize=2048&appSecret=" + APP_SECRET).process(EVENTS);
            }
        });
    }

    @AfterAll
    static void stop() {
        router.close();
        consumer.close();
    }

    @BeforeEach
    void reset() {
        EVENTS.clear();
    }

    private static int port(String ingress) {
        return ingress.equals("router") ? router.port() : consumer.port();
    }

    @ParameterizedTest
    @ValueSource(strings = { "router", "consumer" })
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnyBodyArrives(String ingress) throws Exception {
        try (RawHttp http = new RawHttp(port(ingress))) {
            // 5 MiB: under the HTTP server's own limit (10 MiB), far over the webhook's
            http.head("/messenger/webhook", SIGNATURE, "Content-Length: 5242880");
            assertThat(http.status()).isEqualTo(413);
        }
        assertThat(EVENTS.count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "router", "consumer" })
    void aChunkedBodyIsCutOffOnceOverTheLimit(String ingress) throws Exception {
        long total = 8L * 1024 * 1024;
        try (RawHttp http = new RawHttp(port(ingress))) {
            http.head("/messenger/webhook", SIGNATURE, "Transfer-Encoding: chunked");
            http.chunks(total);
            int status = http.status();
            long writtenWhenAnswered = http.written();
            assertThat(status).isEqualTo(413);
            assertThat(writtenWhenAnswered).as("answered before the client finished sending").isLessThan(total);
        }
        assertThat(EVENTS.count()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "router", "consumer" })
    void aDeliveryWithoutSignatureIsRefusedWithoutReadingItsBody(String ingress) throws Exception {
        try (RawHttp http = new RawHttp(port(ingress))) {
            http.head("/messenger/webhook", "Content-Length: 1000");
            assertThat(http.status()).isEqualTo(403);
        }
        assertThat(EVENTS.count()).isZero();
    }

    /**
     * Every Vert.x worker thread waits on a locked PostgreSQL table (deliveries being stored in the inbox): forged
     * deliveries are still refused at once, as they never need a worker.
     */
    @Test
    void forgedDeliveriesAreRefusedWhileEveryWorkerIsTaken() throws Exception {
        DataSource ds = TestDatabases.postgres();
        String table = TestDatabases.uniqueTable("webhook_inbox");
        JdbcWebhookInbox inbox = new JdbcWebhookInbox(ds, table);
        int blocked = 24;
        ExecutorService posters = Executors.newFixedThreadPool(blocked);
        try (WebhookTestServer server = new WebhookTestServer().bind("inbox", inbox).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?inbox=#inbox&appSecret=" + APP_SECRET).process(EVENTS);
            }
        }).start(); Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
            }
            WebhookClient client = new WebhookClient(server).timeout(Duration.ofSeconds(30));
            List<CompletableFuture<HttpResponse<String>>> stored = new ArrayList<>();
            for (int i = 0; i < blocked; i++) {
                String body = Deliveries.message("U" + i, "m_" + i, i + 1, "x");
                stored.add(CompletableFuture.supplyAsync(() -> client.post("/messenger/webhook", body), posters));
            }
            // the stores hold the workers now (or soon): forged deliveries must not queue behind them
            WebhookClient impatient = new WebhookClient(server).timeout(Duration.ofSeconds(3));
            byte[] forged = Deliveries.message("U_x", "m_forged", 1, "x").getBytes();
            for (int i = 0; i < 5; i++) {
                assertThat(impatient.post("/messenger/webhook", forged, sign("not-the-secret", forged)).statusCode())
                        .isEqualTo(403);
                assertThat(impatient.post("/messenger/webhook", forged, null).statusCode()).isEqualTo(403);
            }
            lock.rollback();
            for (CompletableFuture<HttpResponse<String>> s : stored) {
                assertThat(s.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        } finally {
            posters.shutdownNow();
            TestDatabases.drop(ds, table);
        }
    }
}
