package io.github.camelmessenger.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import static org.junit.jupiter.api.Assertions.fail;

/** The databases the webhook tests run against: H2 in memory, and the PostgreSQL of the build machine. */
final class TestDatabases {

    private TestDatabases() {
    }

    /** A fresh in-memory H2 database (kept until the JVM ends). */
    static DataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:webhook_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    /**
     * PostgreSQL at 127.0.0.1:5432, database test, user postgres. When it cannot be reached the test is skipped with
     * a loud message, except under CI=true where that is a failure.
     */
    static DataSource postgres() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { "127.0.0.1" });
        ds.setPortNumbers(new int[] { 5432 });
        ds.setDatabaseName("test");
        ds.setUser("postgres");
        ds.setConnectTimeout(5);
        try (Connection c = ds.getConnection()) {
            return ds;
        } catch (SQLException e) {
            String message = "PostgreSQL at 127.0.0.1:5432 (db test, user postgres) is not reachable: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " -- CI=true, so this is a failure");
            }
            System.err.println("\n*************************************************************************\n"
                               + "SKIPPING a PostgreSQL test: " + message
                               + "\n(under CI=true this would fail)\n"
                               + "*************************************************************************\n");
            Assumptions.abort(message);
            return null;
        }
    }

    /** A table name no other test (or helper sharing the database) uses. */
    static String uniqueTable(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static void drop(DataSource ds, String table) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
