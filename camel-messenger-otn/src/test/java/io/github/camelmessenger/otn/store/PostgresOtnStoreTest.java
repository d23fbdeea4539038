package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store contract on PostgreSQL (127.0.0.1:5432, db {@code test}), including the heavy concurrency run: 10,000
 * tokens, two store instances, eight claiming threads.
 */
class PostgresOtnStoreTest extends AbstractJdbcOtnStoreTest {

    private static final String PREFIX = TestDatabases.uniquePrefix();
    private static JdbcConnectionPool pool;

    @BeforeAll
    static void connect() {
        pool = TestDatabases.postgres();
    }

    @AfterAll
    static void dropTables() throws Exception {
        if (pool != null) {
            TestDatabases.dropTables(pool, PREFIX);
            pool.dispose();
        }
    }

    @Override
    protected DataSource dataSource() {
        return pool;
    }

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected DataSource reopen() {
        pool.dispose();
        pool = TestDatabases.postgres();
        return pool;
    }

    @Override
    protected int concurrencyTokens() {
        return 10_000;
    }

    /** A claim passes over rows another transaction has locked instead of waiting for them. */
    @Test
    void claimsSkipRowsLockedByAnotherTransaction() throws Exception {
        store.storeToken(token("locked", "u1", "offers", T0.minusSeconds(30)));
        store.storeToken(token("free", "u2", "offers", T0.minusSeconds(20)));
        try (Connection other = pool.getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement();
                 ResultSet rs = s.executeQuery("SELECT token FROM " + PREFIX + "otn_token WHERE token = 'locked' FOR UPDATE")) {
                assertThat(rs.next()).isTrue();
            }

            var claimed = CompletableFuture.supplyAsync(() -> store.claim("offers", null, 10, "node-a", LEASE))
                    .get(5, TimeUnit.SECONDS);

            assertThat(values(claimed)).containsExactly("free");
            other.rollback();
        }
        assertThat(values(store.claim("offers", null, 10, "node-b", Duration.ofSeconds(5)))).containsExactly("locked");
    }

    /** On PostgreSQL a batch is a transaction holding row locks: the claim writes nothing. */
    @Test
    void aBatchLocksItsRowsWithoutWritingThemAndItsCursorSkipsWhatTheRunHandedBack() {
        store.storeToken(token("c-1", "u1", "offers", T0.minusSeconds(30)));
        store.storeToken(token("c-2", "u2", "offers", T0.minusSeconds(20)));

        TokenBatch first = store.claimBatch("offers", null, null, 1, "node-a", LEASE);
        assertThat(values(first.tokens())).containsExactly("c-1");
        assertThat(stored("c-1").status()).as("no write at claim time").isEqualTo(TokenStatus.VALID);
        assertThat(stored("c-1").claimOwner()).isNull();
        assertThat(first.finish(Set.of(), Map.of())).as("unsent: back to the pool at once").isEmpty();

        TokenBatch next = store.claimBatch("offers", null, first.tokens().get(0), 10, "node-a", LEASE);
        assertThat(values(next.tokens())).as("after the run's cursor").containsExactly("c-2");
        next.finish(Set.of("c-2"), Map.of());
        TokenBatch nextRun = store.claimBatch("offers", null, null, 10, "node-a", LEASE);
        assertThat(values(nextRun.tokens())).as("the next run").containsExactly("c-1");
        nextRun.finish(Set.of(), Map.of());
    }

    /** A crashed node's session ends, and with it its claims: another node can claim them at once. */
    @Test
    void aBatchWhoseSessionDiedIsClaimableAtOnceAndStillWritesWhatWasSent() throws Exception {
        store.storeToken(token("d-1", "u1", "offers", T0.minusSeconds(30)));
        store.storeToken(token("d-2", "u2", "offers", T0.minusSeconds(20)));
        JdbcOtnStore nodeA = new JdbcOtnStore(TestDatabases.postgresUnpooled(), PREFIX, clock);
        nodeA.start();
        TokenBatch dying = nodeA.claimBatch("offers", null, null, 10, "node-a", LEASE);
        assertThat(values(dying.tokens())).containsExactly("d-1", "d-2");

        assertThat(terminateIdleTransactions()).isOne();

        // d-1 was sent before the session died: written without the lock; d-2 was not: free for anyone
        assertThat(dying.finish(Set.of("d-1"), Map.of())).isEmpty();
        assertThat(stored("d-1").status()).isEqualTo(TokenStatus.CONSUMED);
        assertThat(stored("d-1").claimOwner()).isEqualTo("node-a");
        TokenBatch survivor = store.claimBatch("offers", null, null, 10, "node-b", LEASE);
        assertThat(values(survivor.tokens())).containsExactly("d-2");
        survivor.finish(Set.of("d-2"), Map.of());
        assertThat(stored("d-2").claimOwner()).isEqualTo("node-b");
    }

    /** The lease bounds a batch: PostgreSQL ends a transaction idle for longer, and its tokens are free again. */
    @Test
    void aBatchOpenLongerThanItsLeaseLosesItsClaim() throws Exception {
        store.storeToken(token("e-1", "u1", "offers", T0.minusSeconds(30)));
        JdbcOtnStore nodeA = new JdbcOtnStore(TestDatabases.postgresUnpooled(), PREFIX, clock);
        nodeA.start();
        TokenBatch slow = nodeA.claimBatch("offers", null, null, 10, "node-a", Duration.ofMillis(300));
        assertThat(store.claimBatch("offers", null, null, 10, "node-b", LEASE).tokens()).isEmpty();

        Thread.sleep(1000);

        TokenBatch taken = store.claimBatch("offers", null, null, 10, "node-b", LEASE);
        assertThat(values(taken.tokens())).containsExactly("e-1");
        taken.finish(Set.of("e-1"), Map.of());
        // the slow owner finishes late: the token is no longer VALID, nothing is overwritten
        assertThat(slow.finish(Set.of("e-1"), Map.of())).isEmpty();
        assertThat(stored("e-1").status()).isEqualTo(TokenStatus.CONSUMED);
        assertThat(stored("e-1").claimOwner()).isEqualTo("node-b");
    }

    private static int terminateIdleTransactions() throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                           + " WHERE state LIKE 'idle in transaction%' AND query LIKE '%" + PREFIX
                                           + "otn_%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
