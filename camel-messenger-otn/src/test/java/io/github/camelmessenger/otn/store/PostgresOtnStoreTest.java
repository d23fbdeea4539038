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

import io.github.camelmessenger.testsupport.SqlRecorder;
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
        JdbcOtnStore nodeA = newStore(TestDatabases.postgresUnpooled(), PREFIX, clock);
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
        JdbcOtnStore nodeA = newStore(TestDatabases.postgresUnpooled(), PREFIX, clock);
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

    /**
     * A token table an earlier version created (status-led indexes, default fill factor, no claim-order index) is
     * adapted at the first start, and a later start leaves it alone.
     */
    @Test
    void aTokenTableOfAnEarlierVersionIsAdaptedOnceThenLeftAlone() throws Exception {
        String old = TestDatabases.uniquePrefix();
        try {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + old + "otn_contact (page_id VARCHAR(64) COLLATE \"C\" NOT NULL,"
                          + " psid VARCHAR(64) COLLATE \"C\" NOT NULL, last_inbound TIMESTAMP WITH TIME ZONE,"
                          + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                          + " PRIMARY KEY (page_id, psid))");
                s.execute("CREATE TABLE " + old + "otn_attribute (page_id VARCHAR(64) COLLATE \"C\" NOT NULL,"
                          + " psid VARCHAR(64) COLLATE \"C\" NOT NULL, attr_name VARCHAR(100) COLLATE \"C\" NOT NULL,"
                          + " attr_value VARCHAR(2000) NOT NULL, PRIMARY KEY (page_id, psid, attr_name))");
                s.execute("CREATE TABLE " + old + "otn_token (token VARCHAR(1024) COLLATE \"C\" NOT NULL PRIMARY KEY,"
                          + " page_id VARCHAR(64) COLLATE \"C\" NOT NULL, psid VARCHAR(64) COLLATE \"C\" NOT NULL,"
                          + " topic VARCHAR(255) COLLATE \"C\" NOT NULL, payload VARCHAR(2000),"
                          + " created_at TIMESTAMP WITH TIME ZONE NOT NULL, expires_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                          + " status VARCHAR(16) NOT NULL, claim_owner VARCHAR(255), lease_until TIMESTAMP WITH TIME ZONE,"
                          + " status_reason VARCHAR(500), updated_at TIMESTAMP WITH TIME ZONE NOT NULL)");
                s.execute("CREATE INDEX " + old + "otn_token_holder ON " + old + "otn_token (page_id, psid, topic)");
                s.execute("CREATE INDEX " + old + "otn_token_queue ON " + old + "otn_token (status, topic, created_at, token)");
                s.execute("CREATE INDEX " + old + "otn_token_expiry ON " + old + "otn_token (status, topic, expires_at)");
            }
            SqlRecorder recorder = new SqlRecorder(pool);
            TestDatabases.conversationState(pool, old).start(); // its tables are not the subject here
            newStore(recorder.dataSource(), old, clock).start();

            assertThat(recorder.ddl()).hasSize(4)
                    .anySatisfy(ddl -> assertThat(ddl).startsWith("CREATE INDEX " + old + "otn_token_claim_order ON"))
                    .contains("DROP INDEX IF EXISTS " + old + "otn_token_queue",
                            "DROP INDEX IF EXISTS " + old + "otn_token_expiry",
                            "ALTER TABLE " + old + "otn_token SET (fillfactor = 50)");
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT array_to_string(reloptions, ',') FROM pg_class"
                                               + " WHERE relname = '" + old + "otn_token'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("fillfactor=50");
            }

            recorder.clear();
            JdbcOtnStore again = newStore(recorder.dataSource(), old, clock);
            again.start();
            again.storeToken(token("a-1", "u1", "offers", T0.minusSeconds(10)));
            assertThat(values(again.claim("offers", null, 10, "node-a", LEASE))).containsExactly("a-1");
            assertThat(recorder.ddl()).isEmpty();
        } finally {
            TestDatabases.dropTables(pool, old);
        }
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
