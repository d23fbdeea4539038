package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An idempotent repository never turns a fault into a lost event: only a key confirmed after the event succeeded
 * means "done". Faults: a node killed ({@code kill -9}) in the middle of an inbox event, and the platform's
 * redelivery arriving while a slow first attempt is still running (on the same node, or on another) and then fails.
 */
class WebhookIdempotencyFaultTest {

    private static final String BODY = Deliveries.message("USER_1", "m_slow", 1458692752478L, "hi");

    /** Fails the first attempt of m_slow after 1 s (a slow downstream that then gives up); later attempts succeed. */
    private static RouteBuilder slowThenFailing(String options, AtomicInteger attempts, AtomicInteger succeeded,
                                                CountDownLatch firstStarted) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("messenger:webhook?appSecret=" + APP_SECRET + options).process(e -> {
                    if (attempts.incrementAndGet() == 1) {
                        firstStarted.countDown();
                        Thread.sleep(1000);
                        throw new IllegalStateException("downstream gave up on the first attempt");
                    }
                    succeeded.incrementAndGet();
                });
            }
        };
    }

    @Test
    void aRedeliveryDuringASlowFirstAttemptOnTheSameNodeIsNotSkipped() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        try (WebhookTestServer server = new WebhookTestServer()
                .bind("processed", MemoryIdempotentRepository.memoryIdempotentRepository(100))
                .routes(slowThenFailing("&idempotentRepository=#processed", attempts, succeeded, firstStarted))
                .start()) {
            redeliverDuringTheFirstAttempt(new WebhookClient(server), new WebhookClient(server), firstStarted,
                    succeeded);
        }
    }

    /** The first delivery goes to one client, its redelivery to the other while the first attempt runs. */
    private static void redeliverDuringTheFirstAttempt(WebhookClient toFirst, WebhookClient toSecond,
                                                       CountDownLatch firstStarted, AtomicInteger succeeded)
            throws Exception {
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> toFirst.post("/messenger/webhook", BODY));
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        // the platform gave up waiting and delivers again while the first attempt still runs
        HttpResponse<String> second = toSecond.post("/messenger/webhook", BODY);

        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(500);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(succeeded).as("the event the platform was told is done").hasValue(1);
    }

    @Test
    void aRedeliveryToAnotherNodeDuringASlowFirstAttemptIsNotSkipped() throws Exception {
        DataSource ds = TestDatabases.h2();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        CountDownLatch firstStarted = new CountDownLatch(1);
        String options = "&idempotentRepository=#processed";
        try (WebhookTestServer a = new WebhookTestServer().bind("processed", TestDatabases.processedKeys(ds, "SEEN"))
                .routes(slowThenFailing(options, attempts, succeeded, firstStarted)).start();
             WebhookTestServer b = new WebhookTestServer().bind("processed", TestDatabases.processedKeys(ds, "SEEN"))
                     .routes(slowThenFailing(options, attempts, succeeded, firstStarted)).start()) {
            redeliverDuringTheFirstAttempt(new WebhookClient(a), new WebhookClient(b), firstStarted, succeeded);
        }
    }

    @Test
    void anInboxEventWhoseNodeWasKilledMidRouteRunsOnAnotherNode() throws Exception {
        DataSource ds = TestDatabases.postgres();
        String inboxTable = TestDatabases.uniqueTable("webhook_inbox");
        String repositoryTable = TestDatabases.uniqueTable("webhook_processed");
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        try {
            try (ChildNode child = ChildNode.start(WebhookTestServer.freePort(), inboxTable, repositoryTable)) {
                WebhookClient client = new WebhookClient("http://127.0.0.1:" + child.port());
                assertThat(client.post("/messenger/webhook", Deliveries.message("USER_1", "m_kill", 1, "x"))
                        .statusCode()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(20)).until(() -> child.printed(ChildNode.RUNNING + "m_kill"));
                child.kill();
            }
            JdbcWebhookInbox inbox = new JdbcWebhookInbox(ds, inboxTable);
            JdbcMessageIdRepository repository = TestDatabases.processedKeys(ds, repositoryTable);
            try (WebhookTestServer survivor = new WebhookTestServer().bind("inbox", inbox).bind("processed", repository)
                    .routes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("messenger:webhook?inbox=#inbox&idempotentRepository=#processed&inboxLeaseTime=1000"
                                 + "&inboxPollDelay=50&appSecret=" + APP_SECRET)
                                    .process(e -> runs.computeIfAbsent(
                                            e.getIn().getHeader(MessengerConstants.MESSAGE_ID, String.class),
                                            k -> new AtomicInteger()).incrementAndGet());
                        }
                    }).start()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey("m_kill"));
                await().until(() -> inbox.pendingCount() == 0);
                assertThat(runs.get("m_kill")).as("run to its end once").hasValue(1);
                assertThat(repository.contains("mid:m_kill")).isTrue();
            }
        } finally {
            TestDatabases.drop(ds, inboxTable);
            TestDatabases.drop(ds, repositoryTable);
        }
    }

}
