package io.github.camelmessenger.otn.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelmessenger.otn.OtnRouteTestSupport;
import io.github.camelmessenger.otn.store.JdbcOtnStore;
import io.github.camelmessenger.otn.store.TestDatabases;
import io.github.camelmessenger.otn.store.TokenStatus;
import io.github.camelmessenger.state.JdbcConversationStateRepository;
import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 12: a broadcast on PostgreSQL shares a pool of 4 connections with the conversation state (the 24-hour
 * window's last inbound times, waits). While it runs (slow Send API: batches stay open), the conversation state keeps
 * getting connections (the pool waits at most 2 s for one), and the broadcast holds at most {@code maxConnections}
 * (default 2) at once, counted by a wrapper of the pool. Before the fix it held up to four batch transactions (one
 * connection each), the whole pool.
 */
class SharedPoolTest {

    private static final int TOKENS = 60;

    private final String prefix = TestDatabases.uniquePrefix();
    private WireMockServer wm;
    private CamelContext node;
    private JdbcConnectionPool pool;
    private JdbcConnectionPool check;

    @BeforeEach
    void setUp() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        wm.stubFor(post(urlPathMatching(".*/messages")).willReturn(
                okJson("{\"recipient_id\":\"1\",\"message_id\":\"m.1\"}").withFixedDelay(1200)));
        check = TestDatabases.postgres();
        pool = TestDatabases.postgres();
        pool.setMaxConnections(4);
        pool.setLoginTimeout(2);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (node != null) {
            node.stop();
        }
        wm.stop();
        TestDatabases.dropTables(check, prefix);
        try (var c = check.getConnection(); var s = c.createStatement()) {
            for (String table : TestDatabases.STATE_TABLES) {
                s.execute("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
        pool.dispose();
        check.dispose();
    }

    @Test
    void theConversationStateKeepsWorkingDuringABroadcastOnAPoolOfFour() throws Exception {
        JdbcOtnStore store = new JdbcOtnStore(check, prefix);
        store.start();
        OtnFaultSupport.seed(store, "sale", TOKENS);
        JdbcConversationStateRepository state = TestDatabases.conversationState(pool, prefix);
        state.start();

        CountingDataSource broadcastSide = new CountingDataSource(pool);
        node = OtnFaultSupport.node("node-a", broadcastSide, prefix, wm.baseUrl(),
                "messenger-otn:broadcast?topic=sale&delay=100&initialDelay=0&batchSize=5&maxInFlight=5&lease=30s");
        node.start();

        AtomicInteger done = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(45);
        while (store.countTokens("sale", TokenStatus.CONSUMED) < TOKENS && Instant.now().isBefore(deadline)) {
            String psid = "user-" + done.get();
            try {
                state.recordInbound(OtnRouteTestSupport.PAGE, psid, Instant.now());
                assertThat(state.lastInbound(OtnRouteTestSupport.PAGE, psid)).isPresent();
                done.incrementAndGet();
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
            Thread.sleep(20);
        }
        System.out.printf("shared pool of 4: the broadcast held at most %d connection(s); %d state operation(s) done, %d "
                          + "failed during the broadcast; %d token(s) consumed%n", broadcastSide.peak(), done.get(),
                failures.size(), store.countTokens("sale", TokenStatus.CONSUMED));
        assertThat(broadcastSide.peak()).as("connections the broadcast held at once (default maxConnections)")
                .isLessThanOrEqualTo(2);
        assertThat(failures).as("state operations that found no connection during the broadcast").isEmpty();
        assertThat(done.get()).isPositive();
        assertThat(store.countTokens("sale", TokenStatus.CONSUMED)).isEqualTo(TOKENS);
        assertThat(OtnFaultSupport.sendsPerToken(wm).values()).hasSize(TOKENS).allMatch(n -> n == 1);
    }

    @Test
    void withOneConnectionTheBroadcastClaimsTheNextBatchOnlyAfterTheLast() throws Exception {
        JdbcOtnStore store = new JdbcOtnStore(check, prefix);
        store.start();
        OtnFaultSupport.seed(store, "one", 12);
        CountingDataSource broadcastSide = new CountingDataSource(pool);
        node = OtnFaultSupport.node("node-a", broadcastSide, prefix, wm.baseUrl(), "messenger-otn:broadcast?topic=one"
                                    + "&delay=100&initialDelay=0&batchSize=4&maxInFlight=4&maxConnections=1&lease=30s");
        node.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.countTokens("one", TokenStatus.CONSUMED) == 12);
        assertThat(broadcastSide.peak()).as("connections held at once with maxConnections=1").isEqualTo(1);
        assertThat(OtnFaultSupport.sendsPerToken(wm).values()).hasSize(12).allMatch(n -> n == 1);
    }
}
