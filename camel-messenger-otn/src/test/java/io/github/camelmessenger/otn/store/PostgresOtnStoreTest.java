package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
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
}
