package io.github.camelmessenger.examples;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own in the test PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}), so the
 * app's tables (its own, the OTN store's, the conversation state's) never meet other tests' tables. When PostgreSQL
 * cannot be reached the test is skipped with a loud message, except under {@code CI=true}, where it fails.
 */
final class PostgresSchema implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    static PostgresSchema createOrSkip() {
        String name = "example_bot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try {
            execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            String message = "PostgreSQL at 127.0.0.1:5432 (database test, user postgres) is unreachable: "
                             + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(message + " (CI=true: PostgreSQL tests must run)");
            }
            System.err.println("\n**************************************************************************\n"
                               + "*** SKIPPING PostgreSQL test: " + message + "\n"
                               + "**************************************************************************\n");
            Assumptions.abort("SKIPPED, PostgreSQL unreachable: " + message);
        }
        return new PostgresSchema(name);
    }

    /** The JDBC URL the app is given: its connections work in this schema. */
    String url() {
        return SERVER + "?currentSchema=" + name;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(SERVER);
        ds.setUser("postgres");
        ds.setConnectTimeout(5);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
