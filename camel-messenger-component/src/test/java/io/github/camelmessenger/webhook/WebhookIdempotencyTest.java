package io.github.camelmessenger.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A redelivered batch produces no duplicate exchanges: what succeeded is skipped, what failed runs again. With
 * Camel's memory repository and camel-sql's JDBC repository on H2 and on PostgreSQL.
 */
class WebhookIdempotencyTest {

    @Test
    void memoryRepository() {
        redeliveryRunsOnlyWhatFailed(MemoryIdempotentRepository.memoryIdempotentRepository(100));
    }

    @Test
    void jdbcRepositoryOnH2() {
        DataSource ds = TestDatabases.h2();
        redeliveryRunsOnlyWhatFailed(TestDatabases.processedKeys(ds, "WEBHOOK_PROCESSED"));
    }

    @Test
    void jdbcRepositoryOnPostgres() {
        DataSource ds = TestDatabases.postgres();
        String table = TestDatabases.uniqueTable("webhook_processed");
        try {
            redeliveryRunsOnlyWhatFailed(TestDatabases.processedKeys(ds, table));
        } finally {
            TestDatabases.drop(ds, table);
        }
    }


    private void redeliveryRunsOnlyWhatFailed(IdempotentRepository repository) {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> succeeded = new ConcurrentHashMap<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        try (WebhookTestServer server = new WebhookTestServer().bind("processed", repository)
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        errorHandler(noErrorHandler());
                        from("messenger:webhook?idempotentRepository=#processed&appSecret=" + APP_SECRET)
                                .process(e -> {
                                    String mid = e.getIn().getHeader(MessengerConstants.MESSAGE_ID, String.class);
                                    runs.computeIfAbsent(mid, k -> new AtomicInteger()).incrementAndGet();
                                    if (mid.equals("m_b3") && failuresLeft.getAndDecrement() > 0) {
                                        throw new IllegalStateException("m_b3 fails once");
                                    }
                                    succeeded.computeIfAbsent(mid, k -> new AtomicInteger()).incrementAndGet();
                                });
                    }
                }).start()) {
            WebhookClient client = new WebhookClient(server);
            assertThat(client.post("/messenger/webhook", fixture("batch.json")).statusCode()).isEqualTo(500);
            assertThat(runs.keySet()).containsExactlyInAnyOrder("m_b1", "m_b2", "m_b3", "m_b4");

            // the platform delivers the same batch again, and then once more after our 200 got lost
            assertThat(client.post("/messenger/webhook", fixture("batch.json")).statusCode()).isEqualTo(200);
            assertThat(client.post("/messenger/webhook", fixture("batch.json")).statusCode()).isEqualTo(200);

            assertThat(runs).containsOnlyKeys("m_b1", "m_b2", "m_b3", "m_b4");
            assertThat(runs.get("m_b3")).hasValue(2);
            assertThat(runs.get("m_b1")).hasValue(1);
            assertThat(runs.get("m_b2")).hasValue(1);
            assertThat(runs.get("m_b4")).hasValue(1);
            assertThat(succeeded.values()).allSatisfy(n -> assertThat(n).hasValue(1)).hasSize(4);

            // events without a mid are keyed by kind, sender and timestamp
            assertThat(client.post("/messenger/webhook", fixture("reaction.json")).statusCode()).isEqualTo(200);
            assertThat(client.post("/messenger/webhook", fixture("reaction.json")).statusCode()).isEqualTo(200);
            assertThat(runs.get("m_reacted1")).hasValue(1);
            assertThat(repository.contains("reaction:USER_1:1458692752478")).isTrue();
        }
    }
}
