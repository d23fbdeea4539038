package io.github.camelmessenger.otn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.otn.broadcast.BroadcastConsumer;
import io.github.camelmessenger.otn.store.JdbcOtnStore;
import io.github.camelmessenger.otn.store.OtnToken;
import io.github.camelmessenger.otn.store.TestDatabases;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once on PostgreSQL: 10,000 tokens broadcast by two Camel contexts (two "nodes", each with its own
 * connection pool and two broadcast routes of up to 32 sends in flight) to a mock Graph API that counts every attempt
 * per token. Then the same with one node crashing mid-run.
 */
class ExactlyOnceBroadcastTest {

    private static final int TOKENS = 10_000;
    private static final String PREFIX = TestDatabases.uniquePrefix();

    private static JdbcConnectionPool poolA;
    private static JdbcConnectionPool poolB;
    private static FastGraphMock graph;
    private static JdbcOtnStore store;

    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeAll
    static void setUp() throws Exception {
        poolA = TestDatabases.postgres();
        poolB = TestDatabases.postgres();
        graph = new FastGraphMock();
        store = new JdbcOtnStore(poolB, PREFIX);
        store.start();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (graph != null) {
            graph.close();
        }
        if (poolB != null) {
            TestDatabases.dropTables(poolB, PREFIX);
            poolB.dispose();
        }
        if (poolA != null) {
            poolA.dispose();
        }
    }

    @AfterEach
    void stopNodes() {
        contexts.forEach(CamelContext::stop);
        graph.reset();
    }

    @Test
    void twoNodesSendEveryTokenExactlyOnce() throws Exception {
        seed("flash");
        CamelContext a = node("node-a", poolA, graph.baseUri(), "flash");
        CamelContext b = node("node-b", poolB, graph.baseUri(), "flash");
        a.start();
        b.start();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.countTokens("flash", TokenStatus.CONSUMED) == TOKENS);
        Thread.sleep(300); // more polls: nothing may be sent again

        assertThat(graph.attempts()).as("every token sent").hasSize(TOKENS);
        assertThat(graph.attempts().values()).as("no token sent twice").allSatisfy(n -> assertThat(n.get()).isOne());
        assertThat(graph.refused()).isZero();
        long emittedA = emitted(a);
        long emittedB = emitted(b);
        System.out.printf("exactly-once run: node-a emitted %d, node-b emitted %d%n", emittedA, emittedB);
        assertThat(emittedA + emittedB).isEqualTo(TOKENS);
        assertThat(emittedA).as("both nodes took part").isPositive();
        assertThat(emittedB).as("both nodes took part").isPositive();
    }

    @Test
    void aCrashedNodesClaimsAreSentByTheOtherAndNoTokenIsAcceptedTwice() throws Exception {
        seed("crash");
        JdbcConnectionPool crashingPool = TestDatabases.postgres(); // its sessions die: not shared with other tests
        try {
            KillableDataSource databaseA = new KillableDataSource(crashingPool);
            CamelContext a = node("node-a", databaseA, graph.baseUri() + "/node-a", "crash");
            CamelContext b = node("node-b", poolB, graph.baseUri(), "crash");
            a.start();
            b.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> graph.accepted() >= 3000);

            // the crash: node-a's sends stop reaching the platform and its database sessions are gone, at once
            graph.kill("node-a");
            int claimsOfA = databaseA.kill(poolB);
            Instant crash = Instant.now();
            Set<String> sentButUnrecorded = acceptedButValid("crash");
            a.getShutdownStrategy().setTimeout(1);
            a.stop();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> store.countTokens("crash", TokenStatus.VALID)
                                 + store.countTokens("crash", TokenStatus.CLAIMED) == 0);
            Thread.sleep(300);

            System.out.printf("crash run: node-a had %d claim transaction(s) open at the crash; %d token(s) sent and "
                              + "not yet recorded then; %d re-sends refused by the platform; done %d ms after the crash%n",
                    claimsOfA, sentButUnrecorded.size(), graph.refused(),
                    Duration.between(crash, Instant.now()).toMillis());
            assertThat(claimsOfA).as("node-a died holding claims").isPositive();
            assertThat(graph.accepted()).as("none skipped: every token reached its user").isEqualTo(TOKENS);
            for (Map.Entry<String, AtomicInteger> e : graph.attempts().entrySet()) {
                if (sentButUnrecorded.contains(e.getKey())) {
                    // sent by node-a, which died before it could record it: its claim ended with its session, the
                    // survivor tried again and the platform refused the used token, so it was still delivered once;
                    // retired, never tried again
                    assertThat(e.getValue().get()).as("attempts of a token sent before the crash").isBetween(1, 2);
                } else {
                    assertThat(e.getValue().get()).as("attempts of a token").isOne();
                }
            }
            assertThat(graph.refused()).isLessThanOrEqualTo(sentButUnrecorded.size());
            long consumed = store.countTokens("crash", TokenStatus.CONSUMED);
            long retired = store.countTokens("crash", TokenStatus.RETIRED);
            assertThat(consumed + retired).isEqualTo(TOKENS);
            assertThat(retired).isEqualTo(graph.refused());
            // node-a wrote nothing after its crash: the tokens it held were finished by node-b
            assertThat(finishedSince("crash", crash, "node-a/")).as("finished by node-a after the crash").isZero();
            assertThat(finishedSince("crash", crash, "node-b/")).as("finished by node-b after the crash").isPositive();
        } finally {
            crashingPool.dispose();
        }
    }

    private CamelContext node(String name, DataSource database, String graphBaseUri, String topic) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        MessengerComponent messenger = new MessengerComponent();
        messenger.getConfiguration().setBaseUri(graphBaseUri);
        messenger.getConfiguration().setPageAccessToken(OtnRouteTestSupport.PAGE_TOKEN);
        messenger.getConfiguration().setRateLimitEnabled(false);
        messenger.getConfiguration().setMaxRetries(0);
        messenger.getConfiguration().setRequestTimeout(5000);
        context.addComponent("messenger", messenger);
        MessengerOtnComponent otn = new MessengerOtnComponent();
        otn.setDataSource(database);
        otn.setTablePrefix(PREFIX);
        otn.setNodeId(name);
        context.addComponent("messenger-otn", otn);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < 2; i++) {
                    from("messenger-otn:broadcast?topic=" + topic
                         + "&delay=50&initialDelay=0&batchSize=100&maxInFlight=32&lease=3s")
                            .routeId(name + "-" + i)
                            .setBody(constant("Flash sale: 50% off today only!"))
                            .to("messenger:sendMessage");
                }
            }
        });
        contexts.add(context);
        return context;
    }

    private static void seed(String topic) {
        Instant t = Instant.now().minusSeconds(3600);
        List<OtnToken> tokens = new ArrayList<>(TOKENS);
        for (int i = 0; i < TOKENS; i++) {
            tokens.add(OtnToken.optIn(OtnRouteTestSupport.PAGE, topic + "-user-" + i, topic, topic + "-token-" + i, topic,
                    t.plusMillis(i)));
        }
        assertThat(store.storeTokens(tokens)).isEqualTo(TOKENS);
    }

    /** Tokens the platform accepted that are not recorded as used (yet). */
    private static Set<String> acceptedButValid(String topic) throws Exception {
        Set<String> tokens = new HashSet<>();
        try (Connection c = poolB.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT token FROM " + PREFIX + "otn_token WHERE topic = ?"
                                                       + " AND status = 'VALID'")) {
            ps.setString(1, topic);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (graph.wasAccepted(rs.getString(1))) {
                        tokens.add(rs.getString(1));
                    }
                }
            }
        }
        return tokens;
    }

    /** How many tokens these owners consumed or retired at or after {@code since}. */
    private static long finishedSince(String topic, Instant since, String ownerPrefix) throws Exception {
        try (Connection c = poolB.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + PREFIX + "otn_token WHERE topic = ?"
                                                       + " AND status IN ('CONSUMED', 'RETIRED')"
                                                       + " AND claim_owner LIKE ? AND updated_at >= ?")) {
            ps.setString(1, topic);
            ps.setString(2, ownerPrefix + "%");
            ps.setObject(3, java.time.OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long emitted(CamelContext context) {
        long total = 0;
        for (Route route : context.getRoutes()) {
            total += ((BroadcastConsumer) route.getConsumer()).getEmittedCount();
        }
        return total;
    }
}
