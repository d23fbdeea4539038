package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.webhook.inbox.DeadLetter;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slow routes meet deadlines: a delivery without inbox is answered 500 before the platform's 5 seconds run out; an
 * inbox event that runs past its own timeout is released instead of being renewed forever; a stopping node keeps
 * its leases while it lets its running events finish.
 */
class WebhookDeadlineTest {

    private static final String PATH = "/messenger/webhook";

    private static String batch(String... mids) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < mids.length; i++) {
            items.append(i == 0 ? "" : ",").append(Deliveries.event("USER_1", mids[i], 1458692752478L + i, "x"));
        }
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1,\"messaging\":[" + items + "]}]}";
    }

    private static void count(Map<String, AtomicInteger> runs, Exchange e) {
        runs.computeIfAbsent(e.getIn().getHeader(MessengerConstants.MESSAGE_ID, String.class),
                k -> new AtomicInteger()).incrementAndGet();
    }

    @Test
    void aSlowDeliveryIsAnswered500AtTheDeadlineAndTheRedeliveryRunsWhatWasLeft() {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicBoolean slowDone = new AtomicBoolean();
        try (WebhookTestServer server = new WebhookTestServer()
                .bind("processed", MemoryIdempotentRepository.memoryIdempotentRepository(100))
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("messenger:webhook?deliveryTimeout=1000&idempotentRepository=#processed&appSecret="
                             + APP_SECRET).process(e -> {
                                 count(runs, e);
                                 if ("m_slow".equals(e.getIn().getHeader(MessengerConstants.MESSAGE_ID))) {
                                     Thread.sleep(2500);
                                     slowDone.set(true);
                                 }
                             });
                    }
                }).start()) {
            WebhookClient client = new WebhookClient(server);
            HttpResponse<String> first = client.post(PATH, batch("m_slow", "m_next"));
            assertThat(first.statusCode()).isEqualTo(500);
            assertThat(slowDone).as("answered while the route still ran").isFalse();

            await().untilTrue(slowDone);
            // the events not started by the deadline were left to the redelivery
            assertThat(runs).containsOnlyKeys("m_slow");
            assertThat(client.post(PATH, batch("m_slow", "m_next")).statusCode()).isEqualTo(200);
            assertThat(runs.get("m_slow")).hasValue(1);
            assertThat(runs.get("m_next")).hasValue(1);
        }
    }

    @Test
    void anInboxEventPastItsTimeoutIsReleasedAndTheConversationGoesOn() {
        JdbcWebhookInbox inbox = new JdbcWebhookInbox(TestDatabases.h2(), TestDatabases.uniqueTable("INBOX"));
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch hang = new CountDownLatch(1);
        try (WebhookTestServer server = new WebhookTestServer().bind("inbox", inbox).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?inbox=#inbox&inboxPollDelay=50&inboxLeaseTime=1000&inboxEventTimeout=1500"
                     + "&maximumRedeliveries=0&appSecret=" + APP_SECRET).process(e -> {
                         count(runs, e);
                         if ("m_hang".equals(e.getIn().getHeader(MessengerConstants.MESSAGE_ID))) {
                             hang.await(20, TimeUnit.SECONDS);
                         }
                     });
            }
        }).start()) {
            WebhookClient client = new WebhookClient(server);
            assertThat(client.post(PATH, batch("m_hang", "m_after")).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.containsKey("m_after"));
            DeadLetter dead = inbox.deadLetters().get(0);
            assertThat(dead.json()).contains("m_hang");
            assertThat(dead.lastError()).contains("1500 ms");
            hang.countDown();
        }
    }

    @Test
    void aStoppingNodeKeepsItsLeasesWhileItsEventsFinish() throws Exception {
        JdbcWebhookInbox inboxA = new JdbcWebhookInbox(TestDatabases.h2(), "INBOX_STOP");
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        String options = "messenger:webhook?inbox=#inbox&inboxPollDelay=50&inboxLeaseTime=1000&appSecret=" + APP_SECRET;
        CountDownLatch started = new CountDownLatch(1);
        WebhookTestServer a = new WebhookTestServer().bind("inbox", inboxA).routes(new RouteBuilder() {
            @Override
            public void configure() {
                from(options).process(e -> {
                    count(runs, e);
                    started.countDown();
                    Thread.sleep(2500);
                });
            }
        }).start();
        try {
            assertThat(new WebhookClient(a).post(PATH, batch("m_long")).statusCode()).isEqualTo(200);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            try (WebhookTestServer b = new WebhookTestServer()
                    .bind("inbox", new JdbcWebhookInbox(inboxA.getDataSource(), "INBOX_STOP"))
                    .routes(new RouteBuilder() {
                        @Override
                        public void configure() {
                            from(options).process(e -> count(runs, e));
                        }
                    }).start()) {
                a.close();
                await().until(() -> inboxA.pendingCount() == 0);
                assertThat(runs.get("m_long")).as("one node ran it").hasValue(1);
            }
        } finally {
            a.close();
        }
    }
}
