package io.github.camelmessenger.testsupport;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;

/**
 * The test PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}, trust auth). When it cannot be
 * reached the tests are skipped with a loud message, except under {@code CI=true}, where they fail.
 */
public final class PostgresTestDatabase {

    private PostgresTestDatabase() {
    }

    /** The outcome of the one connection attempt per test run: a data source or why there is none. */
    private static Object reachable;

    /**
     * The data source, or an aborted (skipped) test with a loud message when PostgreSQL is unreachable; under
     * {@code CI=true} a failed test instead. Called per test so that every skipped test shows in the report.
     */
    public static synchronized DataSource dataSourceOrSkip() {
        if (reachable == null) {
            reachable = connect();
        }
        if (reachable instanceof DataSource ds) {
            return ds;
        }
        String message = "PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is unreachable: " + reachable;
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: PostgreSQL tests must run)");
        }
        System.err.println("\n**************************************************************************\n"
                           + "*** SKIPPING PostgreSQL test: " + message + "\n"
                           + "**************************************************************************\n");
        Assumptions.abort("SKIPPED, PostgreSQL unreachable: " + message);
        throw new IllegalStateException("not reached");
    }

    /**
     * A pool over the same database, as users run the repositories: here a new connection costs tens of milliseconds,
     * so a test making thousands of calls would measure connection set-up. The caller disposes of it.
     */
    public static JdbcConnectionPool pooledOrSkip() {
        dataSourceOrSkip();
        JdbcConnectionPool pool = JdbcConnectionPool.create(configure(new PGConnectionPoolDataSource()));
        pool.setMaxConnections(10);
        return pool;
    }

    private static <T extends BaseDataSource> T configure(T ds) {
        ds.setServerNames(new String[] { "127.0.0.1" });
        ds.setPortNumbers(new int[] { 5432 });
        ds.setDatabaseName("test");
        ds.setUser("postgres");
        ds.setConnectTimeout(5);
        return ds;
    }

    private static Object connect() {
        PGSimpleDataSource ds = configure(new PGSimpleDataSource());
        try (Connection c = ds.getConnection()) {
            return ds;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
