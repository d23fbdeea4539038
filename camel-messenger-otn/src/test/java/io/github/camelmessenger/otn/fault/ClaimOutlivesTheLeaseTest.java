package io.github.camelmessenger.otn.fault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelmessenger.otn.store.JdbcOtnStore;
import io.github.camelmessenger.otn.store.TestDatabases;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, point 11: batches are claimed ahead of their sends and wait; with a 2 s lease and a slow Send API
 * (WireMock, 600 ms per send, one send in flight) the claimed-ahead batches wait longer than the lease. Two nodes
 * (two CamelContexts, each with its own pool, on the same tables) broadcast the same topic: no token may be sent
 * twice, none skipped. Before the fix the waiting batches' claims ran out (on PostgreSQL the server ended their
 * transactions) and the other node sent the same tokens.
 */
class ClaimOutlivesTheLeaseTest {

    private static final int TOKENS = 18;
    private static final String BROADCAST = "messenger-otn:broadcast?topic=restock&delay=100&initialDelay=0"
                                            + "&batchSize=3&maxInFlight=1&lease=2s";

    private final String prefix = TestDatabases.uniquePrefix();
    private WireMockServer wm;
    private CamelContext a;
    private CamelContext b;

    @BeforeEach
    void graph() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        wm.stubFor(post(urlPathMatching(".*/messages")).willReturn(
                okJson("{\"recipient_id\":\"1\",\"message_id\":\"m.1\"}").withFixedDelay(600)));
    }

    @AfterEach
    void stop() {
        for (CamelContext c : new CamelContext[] { a, b }) {
            if (c != null) {
                c.stop();
            }
        }
        wm.stop();
    }

    @Test
    void onPostgresANodeNeverSendsTokensItsWaitingBatchHeld() throws Exception {
        JdbcConnectionPool poolA = TestDatabases.postgres();
        JdbcConnectionPool poolB = TestDatabases.postgres();
        JdbcConnectionPool check = TestDatabases.postgres();
        try {
            run(poolA, poolB, check);
        } finally {
            stop();
            a = null;
            b = null;
            TestDatabases.dropTables(check, prefix);
            poolA.dispose();
            poolB.dispose();
            check.dispose();
        }
    }

    @Test
    void onH2ANodeNeverSendsTokensItsWaitingBatchHeld(@TempDir Path dir) throws Exception {
        JdbcConnectionPool poolA = TestDatabases.h2File(dir);
        JdbcConnectionPool poolB = TestDatabases.h2File(dir);
        try {
            run(poolA, poolB, poolB);
        } finally {
            stop();
            a = null;
            b = null;
            poolA.dispose();
            poolB.dispose();
        }
    }

    /** @param check the pool the test reads the store with (not a node's: their sessions may be ended) */
    private void run(JdbcConnectionPool poolA, JdbcConnectionPool poolB, JdbcConnectionPool check) throws Exception {
        JdbcOtnStore store = new JdbcOtnStore(check, prefix);
        store.start();
        OtnFaultSupport.seed(store, "restock", TOKENS);
        a = OtnFaultSupport.node("node-a", poolA, prefix, wm.baseUrl(), BROADCAST);
        b = OtnFaultSupport.node("node-b", poolB, prefix, wm.baseUrl(), BROADCAST);
        a.start();
        b.start();

        await().atMost(Duration.ofSeconds(50)).pollInterval(Duration.ofMillis(200))
                .until(() -> store.countTokens("restock", TokenStatus.CONSUMED)
                             + store.countTokens("restock", TokenStatus.RETIRED) == TOKENS);
        a.stop();
        b.stop();

        Map<String, Integer> sends = OtnFaultSupport.sendsPerToken(wm);
        List<String> twice = sends.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        System.out.printf("claim-outlives-lease: %d token(s) sent, %d sent twice, %d skipped%n", sends.size(),
                twice.size(), TOKENS - sends.size());
        assertThat(twice).as("tokens sent twice").isEmpty();
        assertThat(sends).as("every token sent (none skipped)").hasSize(TOKENS);
        assertThat(store.countTokens("restock", TokenStatus.CONSUMED)).isEqualTo(TOKENS);
    }
}
