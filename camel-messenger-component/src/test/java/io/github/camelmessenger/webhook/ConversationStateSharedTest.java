package io.github.camelmessenger.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.camelmessenger.state.JdbcConversationStateRepository;
import io.github.camelmessenger.state.Wait;
import org.apache.camel.builder.RouteBuilder;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conversation state in a database shared by several Camel contexts (nodes): a wait set on one node is answered
 * through another exactly once, every expiry fires exactly once across nodes, and nothing is lost on restart.
 */
class ConversationStateSharedTest {

    private final List<WebhookTestServer> servers = new ArrayList<>();
    private final List<Runnable> cleanup = new ArrayList<>();

    @AfterEach
    void close() {
        servers.forEach(WebhookTestServer::close);
        cleanup.forEach(Runnable::run);
    }

    private JdbcConversationStateRepository repository(DataSource ds, String prefix) {
        JdbcConversationStateRepository repository = new JdbcConversationStateRepository(ds);
        repository.setTablePrefix(prefix);
        return repository;
    }

    private WebhookTestServer node(DataSource ds, String prefix, EventCollector collector) {
        WebhookTestServer server = new WebhookTestServer().bind("state", repository(ds, prefix))
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(ConversationWaitTest.WEBHOOK).process(collector);
                    }
                }).start();
        servers.add(server);
        return server;
    }

    private static void setWait(WebhookTestServer node, String user, String step, String timeout) {
        node.context().createProducerTemplate().send(
                "messenger:waitForResponse?stateRepository=#state&step=" + step + "&timeout=" + timeout, e -> {
                    e.getMessage().setHeader("CamelMessengerPageId", ConversationWaitTest.PAGE);
                    e.getMessage().setHeader("CamelMessengerRecipientId", user);
                });
    }

    private static String answer(String user, String mid) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + ConversationWaitTest.PAGE + "\",\"time\":1,\"messaging\":"
               + "[{\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + ConversationWaitTest.PAGE
               + "\"},\"timestamp\":" + System.currentTimeMillis() + ",\"message\":{\"mid\":\"" + mid
               + "\",\"text\":\"answer\"}}]}]}";
    }

    private String prefix(DataSource ds) {
        String prefix = "cs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
        cleanup.add(() -> {
            TestDatabases.drop(ds, prefix + "waits");
            TestDatabases.drop(ds, prefix + "last_inbound");
            TestDatabases.drop(ds, prefix + "wait_takes");
        });
        return prefix;
    }

    @Test
    void aWaitSurvivesARestartOnH2() {
        DataSource ds = TestDatabases.h2();
        String prefix = prefix(ds);
        WebhookTestServer first = node(ds, prefix, new EventCollector());
        setWait(first, "U1", "ask-email", "PT30M");
        first.close();
        servers.remove(first);

        EventCollector collector = new EventCollector();
        WebhookTestServer second = node(ds, prefix, collector);
        assertThat(new WebhookClient(second).post("/messenger/webhook", answer("U1", "m1")).statusCode())
                .isEqualTo(200);

        assertThat(collector.awaitCount(1).get(0).header("CamelMessengerWaitStep")).isEqualTo("ask-email");
    }

    @Test
    void aWaitSetOnOneNodeIsAnsweredThroughAnotherExactlyOnce() {
        DataSource ds = TestDatabases.postgres();
        String prefix = prefix(ds);
        EventCollector onA = new EventCollector();
        EventCollector onB = new EventCollector();
        WebhookTestServer a = node(ds, prefix, onA);
        WebhookTestServer b = node(ds, prefix, onB);
        setWait(a, "U2", "ask-phone", "PT30M");

        // the platform delivers the answer to B, and (a retry) to A as well
        String body = answer("U2", "m2");
        assertThat(new WebhookClient(b).post("/messenger/webhook", body).statusCode()).isEqualTo(200);
        assertThat(new WebhookClient(a).post("/messenger/webhook", body).statusCode()).isEqualTo(200);

        List<EventCollector.Received> all = new ArrayList<>(onA.awaitCount(1));
        all.addAll(onB.awaitCount(1));
        assertThat(all).filteredOn(r -> "ask-phone".equals(r.header("CamelMessengerWaitStep"))).hasSize(1);
        assertThat(onB.single().header("CamelMessengerWaitStep")).isEqualTo("ask-phone");
    }

    @Test
    void aThousandWaitsExpireExactlyOnceAcrossTwoNodes() {
        JdbcConnectionPool ds = TestDatabases.pooledPostgres();
        String prefix = prefix(ds);
        cleanup.add(ds::dispose); // after the tables are dropped
        EventCollector onA = new EventCollector();
        EventCollector onB = new EventCollector();
        node(ds, prefix, onA);
        node(ds, prefix, onB);
        // both nodes are sweeping while the waits come due
        JdbcConversationStateRepository seeder = repository(ds, prefix);
        seeder.start();
        Instant now = Instant.now();
        for (int i = 0; i < 1000; i++) {
            seeder.putWait(Wait.of(ConversationWaitTest.PAGE, "user-" + i, "step-" + i, now, Duration.ofMillis(300)));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> onA.count() + onB.count() >= 1000);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);

        List<EventCollector.Received> all = new ArrayList<>(onA.received());
        all.addAll(onB.received());
        Set<String> users = new HashSet<>();
        for (EventCollector.Received r : all) {
            assertThat(r.header("CamelMessengerEventType")).isEqualTo("wait_expired");
            assertThat(users.add((String) r.header("CamelMessengerSenderId"))).as("fired once").isTrue();
        }
        assertThat(users).hasSize(1000);
    }
}
