package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.webhook.inbox.DeadLetter;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The durable inbox on H2 (this class) and PostgreSQL (the subclass): answer once stored, process later with
 * redelivery, dead letters and replay.
 */
class WebhookInboxTest {

    protected final DataSource dataSource = dataSource();
    protected final String table = TestDatabases.uniqueTable("INBOX");
    private final JdbcWebhookInbox inbox = new JdbcWebhookInbox(dataSource, table);
    private WebhookTestServer server;
    private WebhookClient client;

    private void start(String options, RouteSteps route) {
        server = new WebhookTestServer().bind("inbox", inbox).routes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                errorHandler(noErrorHandler());
                route.accept(from("messenger:webhook?inbox=#inbox&inboxPollDelay=50&appSecret=" + APP_SECRET
                                  + options));
            }
        }).start();
        client = new WebhookClient(server);
    }

    /** The steps after from(). */
    interface RouteSteps {
        void accept(org.apache.camel.model.RouteDefinition from) throws Exception;
    }

    /** The database under test; called once per test, while the instance is being built. */
    protected DataSource dataSource() {
        return TestDatabases.h2();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDeliveryIsAnsweredOnceStoredAndProcessedAfterwards() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        EventCollector events = new EventCollector();
        start("", from -> from.process(e -> release.await(20, TimeUnit.SECONDS)).process(events));

        HttpResponse<String> r = client.post("/messenger/webhook", Deliveries.message("U1", "m_1", 1, "hi"));
        assertThat(r.statusCode()).isEqualTo(200);
        // answered while the route is still held
        assertThat(events.count()).isZero();
        assertThat(inbox.pendingCount()).isEqualTo(1);

        release.countDown();
        EventCollector.Received received = events.awaitCount(1).get(0);
        assertThat(received.header(MessengerConstants.TEXT)).isEqualTo("hi");
        assertThat(received.header(MessengerConstants.PAGE_ID)).isEqualTo("PAGE_1");
        assertThat(received.event().message().mid()).isEqualTo("m_1");
        await().until(() -> inbox.pendingCount() == 0);
    }

    @Test
    void aFailingEventIsRedeliveredWithBackOffThenDeadLetteredAndCanBeReplayed() {
        AtomicBoolean broken = new AtomicBoolean(true);
        List<Long> attemptTimes = new CopyOnWriteArrayList<>();
        EventCollector events = new EventCollector();
        start("&maximumRedeliveries=2&redeliveryDelay=200&backOffMultiplier=2", from -> from
                .process(e -> {
                    if ("m_bad".equals(e.getIn().getHeader(MessengerConstants.MESSAGE_ID))) {
                        attemptTimes.add(System.nanoTime());
                        if (broken.get()) {
                            throw new IllegalStateException("downstream refused m_bad");
                        }
                    }
                })
                .process(events));

        assertThat(client.post("/messenger/webhook", Deliveries.message("U1", "m_bad", 1, "x")).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> !inbox.deadLetters().isEmpty());
        assertThat(attemptTimes).hasSize(3);
        // back-off: 200 ms then 400 ms (lower bounds only)
        assertThat(TimeUnit.NANOSECONDS.toMillis(attemptTimes.get(1) - attemptTimes.get(0))).isGreaterThanOrEqualTo(190);
        assertThat(TimeUnit.NANOSECONDS.toMillis(attemptTimes.get(2) - attemptTimes.get(1))).isGreaterThanOrEqualTo(390);

        DeadLetter dead = inbox.deadLetters().get(0);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.channel()).isEqualTo("/messenger/webhook");
        assertThat(dead.eventType()).isEqualTo("message");
        assertThat(dead.conversation()).isEqualTo("U1");
        assertThat(dead.lastError()).contains("IllegalStateException").contains("downstream refused m_bad");
        assertThat(dead.json()).contains("\"mid\":\"m_bad\"");
        assertThat(events.count()).isZero();
        assertThat(inbox.pendingCount()).isZero();

        broken.set(false);
        assertThat(inbox.replay(dead.id())).isTrue();
        assertThat(inbox.replay(dead.id())).as("no longer a dead letter").isFalse();
        assertThat(events.awaitCount(1).get(0).header(MessengerConstants.MESSAGE_ID)).isEqualTo("m_bad");
        await().until(() -> inbox.pendingCount() == 0);
        assertThat(inbox.deadLetters()).isEmpty();
    }

    @Test
    void deadLettersCanBeDiscardedOrAllReplayed() {
        AtomicBoolean broken = new AtomicBoolean(true);
        EventCollector events = new EventCollector();
        start("&maximumRedeliveries=0", from -> from
                .process(e -> {
                    if (broken.get()) {
                        throw new IllegalStateException("down");
                    }
                })
                .process(events));
        for (int i = 0; i < 3; i++) {
            client.post("/messenger/webhook", Deliveries.message("U" + i, "m_" + i, i, "x"));
        }
        await().until(() -> inbox.deadLetters().size() == 3);
        assertThat(inbox.discard(inbox.deadLetters().get(0).id())).isTrue();
        broken.set(false);
        assertThat(inbox.replayAll()).isEqualTo(2);
        assertThat(events.awaitCount(2)).extracting(x -> x.header(MessengerConstants.MESSAGE_ID))
                .containsExactlyInAnyOrder("m_1", "m_2");
        await().until(() -> inbox.pendingCount() == 0 && inbox.deadLetters().isEmpty());
    }

    @Test
    void aUsersLaterEventsWaitForTheEarlierOneToSucceed() {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        List<String> order = new CopyOnWriteArrayList<>();
        start("&maximumRedeliveries=5&redeliveryDelay=100&inboxConcurrency=4", from -> from
                .process(e -> {
                    String mid = e.getIn().getHeader(MessengerConstants.MESSAGE_ID, String.class);
                    if (mid.equals("a1") && failuresLeft.getAndDecrement() > 0) {
                        order.add(mid + " failed");
                        throw new IllegalStateException("not yet");
                    }
                    order.add(mid);
                }));
        String batch = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1,\"messaging\":["
                       + Deliveries.event("A", "a1", 1, "1") + "," + Deliveries.event("A", "a2", 2, "2") + ","
                       + Deliveries.event("B", "b1", 3, "3") + "]}]}";
        assertThat(client.post("/messenger/webhook", batch).statusCode()).isEqualTo(200);
        assertThat(client.post("/messenger/webhook", Deliveries.message("A", "a3", 4, "4")).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> order.size() == 6);
        assertThat(order.stream().filter(s -> s.startsWith("a")).toList())
                .containsExactly("a1 failed", "a1 failed", "a1", "a2", "a3");
        // B is not held up by A's trouble
        assertThat(order.indexOf("b1")).isLessThan(order.indexOf("a1"));
    }

    @Test
    void aDeliveryThatCannotBeStoredIsAnswered500() {
        EventCollector events = new EventCollector();
        start("", from -> from.process(events));
        TestDatabases.drop(dataSource, table);
        assertThat(client.post("/messenger/webhook", Deliveries.message("U1", "m_1", 1, "hi")).statusCode())
                .isEqualTo(500);
        assertThat(events.count()).isZero();
    }

    @Test
    void eventsFilteredOutAreNotStored() {
        EventCollector events = new EventCollector();
        start("", from -> from.process(events));
        assertThat(client.post("/messenger/webhook", WebhookClient.fixture("read.json")).statusCode()).isEqualTo(200);
        assertThat(inbox.pendingCount()).isZero();
    }

    @Test
    void theInboxAlsoDropsDuplicatesWithAnIdempotentRepository() {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        server = new WebhookTestServer().bind("inbox", inbox)
                .bind("seen", org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository
                        .memoryIdempotentRepository())
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("messenger:webhook?inbox=#inbox&idempotentRepository=#seen&inboxPollDelay=50&appSecret="
                             + APP_SECRET)
                                .process(e -> runs.computeIfAbsent(
                                        e.getIn().getHeader(MessengerConstants.MESSAGE_ID, String.class),
                                        k -> new AtomicInteger()).incrementAndGet());
                    }
                }).start();
        client = new WebhookClient(server);
        // our 200 got lost: the platform delivers the same event twice
        client.post("/messenger/webhook", Deliveries.message("U1", "m_dup", 1, "x"));
        client.post("/messenger/webhook", Deliveries.message("U1", "m_dup", 1, "x"));
        await().until(() -> inbox.pendingCount() == 0);
        assertThat(runs.get("m_dup")).hasValue(1);
    }
}
