package io.github.camelmessenger.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.camelmessenger.testsupport.PostgresTestDatabase;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;


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

    /** PostgreSQL at 127.0.0.1:5432: skipped loudly when unreachable, a failure under CI=true. */
    static DataSource postgres() {
        return PostgresTestDatabase.dataSourceOrSkip();
    }

    /** A pool over the same PostgreSQL, for tests that make many calls (dispose of it after the test). */
    static JdbcConnectionPool pooledPostgres() {
        return PostgresTestDatabase.pooledOrSkip();
    }

    /** A table name no other test (or helper sharing the database) uses. */
    static String uniqueTable(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** camel-sql's JDBC idempotent repository on {@code table}, created at start when missing. */
    static JdbcMessageIdRepository processedKeys(DataSource ds, String table) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(ds, "messenger-webhook-test");
        repository.setTableName(table);
        repository.setCreateTableIfNotExists(true);
        return repository;
    }

    static void drop(DataSource ds, String table) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
