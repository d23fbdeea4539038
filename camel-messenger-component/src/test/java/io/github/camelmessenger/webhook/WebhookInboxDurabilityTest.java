package io.github.camelmessenger.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the inbox promises across process boundaries: a context stopped in the middle of the work loses nothing of
 * what it acknowledged, and several nodes sharing one inbox run each event exactly once. On H2 and PostgreSQL.
 */
class WebhookInboxDurabilityTest {

    @Test
    void restartOnH2() {
        stoppedMidProcessingThenRestarted(TestDatabases.h2(), TestDatabases.uniqueTable("INBOX"));
    }

    @Test
    void restartOnPostgres() {
        DataSource ds = TestDatabases.postgres();
        String table = TestDatabases.uniqueTable("webhook_inbox");
        try {
            stoppedMidProcessingThenRestarted(ds, table);
        } finally {
            TestDatabases.drop(ds, table);
        }
    }

    @Test
    void twoNodesOnH2() {
        twoNodesShareOneInbox(TestDatabases.h2(), TestDatabases.uniqueTable("INBOX"));
    }

    @Test
    void twoNodesOnPostgres() {
        JdbcConnectionPool ds = TestDatabases.pooledPostgres();
        String table = TestDatabases.uniqueTable("webhook_inbox");
        try {
            twoNodesShareOneInbox(ds, table);
        } finally {
            TestDatabases.drop(ds, table);
            ds.dispose();
        }
    }

    private void stoppedMidProcessingThenRestarted(DataSource ds, String table) {
        int users = 20;
        int perUser = 3;
        int total = users * perUser;
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger processed = new AtomicInteger();

        JdbcWebhookInbox firstInbox = new JdbcWebhookInbox(ds, table);
        // the first node runs 10 events, then holds the next ones until it is stopping: the stop surely comes in the
        // middle of the work, however fast or slow the machine posts
        CountDownLatch stopping = new CountDownLatch(1);
        WebhookTestServer first = node(firstInbox, "first", runs, processed, new ConcurrentHashMap<>(), 0,
                () -> {
                    if (processed.get() >= 10) {
                        stopping.await(20, TimeUnit.SECONDS);
                    }
                });
        WebhookClient client = new WebhookClient(first);
        for (int m = 0; m < perUser; m++) {
            for (int u = 0; u < users; u++) {
                assertThat(client.post("/messenger/webhook", Deliveries.message("U" + u, "m_" + u + "_" + m,
                        1000L * m + u, "x")).statusCode()).isEqualTo(200);
            }
        }
        await().until(() -> processed.get() >= 10);
        Thread releaser = new Thread(() -> {
            await().until(() -> first.context().isStopping() || first.context().isStopped());
            stopping.countDown();
        });
        releaser.start();
        first.close();
        int beforeRestart = processed.get();
        assertThat(beforeRestart).as("stopped in the middle of the work").isLessThan(total);
        // nothing is left claimed by the stopped node: what did not run is pending again
        assertThat(firstInbox.pendingCount()).isEqualTo(total - beforeRestart);

        JdbcWebhookInbox secondInbox = new JdbcWebhookInbox(ds, table);
        try (WebhookTestServer second = node(secondInbox, "second", runs, processed, new ConcurrentHashMap<>(), 0,
                () -> { })) {
            await().until(() -> processed.get() >= total);
            await().until(() -> secondInbox.pendingCount() == 0);
        }
        assertThat(runs).hasSize(total);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n).as("each event exactly once").hasValue(1));
    }

    private void twoNodesShareOneInbox(DataSource ds, String table) {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
        AtomicInteger processed = new AtomicInteger();
        JdbcWebhookInbox inboxA = new JdbcWebhookInbox(ds, table);
        JdbcWebhookInbox inboxB = new JdbcWebhookInbox(ds, table);
        int total = 0;
        try (WebhookTestServer a = node(inboxA, "A", runs, processed, perNode, 3, () -> { });
             WebhookTestServer b = node(inboxB, "B", runs, processed, perNode, 3, () -> { })) {
            WebhookClient toA = new WebhookClient(a);
            WebhookClient toB = new WebhookClient(b);
            // every delivery arrives at one node; the other node's workers compete for its events
            for (int i = 0; i < 150; i++) {
                String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1,\"messaging\":["
                              + Deliveries.event("U" + (i % 25), "m_" + i + "_a", i, "a") + ","
                              + Deliveries.event("V" + (i % 25), "m_" + i + "_b", i, "b") + "]}]}";
                assertThat((i % 2 == 0 ? toA : toB).post("/messenger/webhook", body).statusCode()).isEqualTo(200);
                total += 2;
            }
            int expected = total;
            await().until(() -> processed.get() >= expected);
            await().until(() -> inboxA.pendingCount() == 0);
        }
        assertThat(runs).hasSize(total);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n).as("each event exactly once").hasValue(1));
        assertThat(perNode.keySet()).as("both nodes took part").containsExactlyInAnyOrder("A", "B");
    }

    private static WebhookTestServer node(JdbcWebhookInbox inbox, String name, Map<String, AtomicInteger> runs,
                                          AtomicInteger processed, Map<String, AtomicInteger> perNode,
                                          long millisPerEvent, Gate gate) {
        return new WebhookTestServer().bind("inbox", inbox).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?inbox=#inbox&inboxPollDelay=20&inboxConcurrency=3&appSecret=" + APP_SECRET)
                        .process(e -> {
                            Thread.sleep(millisPerEvent);
                            gate.pass();
                            runs.computeIfAbsent(e.getIn().getHeader(MessengerConstants.MESSAGE_ID, String.class),
                                    k -> new AtomicInteger()).incrementAndGet();
                            perNode.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                            processed.incrementAndGet();
                        });
            }
        }).start();
    }

    /** Runs before an event counts as processed; may hold it. */
    interface Gate {
        void pass() throws InterruptedException;
    }
}
