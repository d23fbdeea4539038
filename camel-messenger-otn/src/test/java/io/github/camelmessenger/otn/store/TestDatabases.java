package io.github.camelmessenger.otn.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.camelmessenger.state.JdbcConversationStateRepository;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGConnectionPoolDataSource;

import static org.junit.jupiter.api.Assertions.fail;

/** Real databases for the store tests: H2 (file) and PostgreSQL at 127.0.0.1:5432, db {@code test}. */
public final class TestDatabases {

    public static final List<String> TABLES = List.of("otn_token", "otn_attribute", "otn_contact", "otn_claim_lock");
    /**
     * The conversation-state tables of the stores' last inbound times, as {@link #conversationState} names them (with
     * an empty prefix: the messenger component's defaults, which the route tests use).
     */
    public static final List<String> STATE_TABLES = List.of("messenger_waits", "messenger_last_inbound", "messenger_wait_takes");

    private TestDatabases() {
    }

    /** A table prefix no other test class uses. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    }

    /** A pooled H2 database in a file under {@code dir}; the same dir reopens the same data. */
    public static JdbcConnectionPool h2File(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("otn").toAbsolutePath());
        ds.setUser("sa");
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(20);
        return pool;
    }

    /**
     * A pooled PostgreSQL connection source, or the calling test class is skipped with a loud message when the
     * server is unreachable — unless {@code CI=true}, where the missing database fails the build.
     */
    public static JdbcConnectionPool postgres() {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setServerNames(new String[] { "127.0.0.1" });
        ds.setPortNumbers(new int[] { 5432 });
        ds.setDatabaseName("test");
        ds.setUser("postgres");
        ds.setConnectTimeout(3);
        try (Connection c = ds.getConnection()) {
            c.isValid(3);
        } catch (SQLException e) {
            String message = "PostgreSQL at 127.0.0.1:5432 (db test, user postgres) is unreachable: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " — CI=true requires it");
            }
            System.err.println("\n********************************************************************************\n"
                               + "SKIPPING PostgreSQL OTN store tests: " + message
                               + "\n********************************************************************************\n");
            Assumptions.abort("SKIPPED: " + message);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(20);
        return pool;
    }

    /**
     * PostgreSQL without a pool: every connection is a session of its own, closed for good when closed. For a node
     * whose sessions the server ends in a test (a pool that does not check its connections would hand them out again).
     */
    public static DataSource postgresUnpooled() {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setServerNames(new String[] { "127.0.0.1" });
        ds.setPortNumbers(new int[] { 5432 });
        ds.setDatabaseName("test");
        ds.setUser("postgres");
        ds.setConnectTimeout(3);
        return ds;
    }

    /** The conversation state of a store with this table prefix: tables {@code <prefix>messenger_*}. */
    public static JdbcConversationStateRepository conversationState(DataSource ds, String prefix) {
        JdbcConversationStateRepository state = new JdbcConversationStateRepository(ds);
        state.setTablePrefix(prefix + JdbcConversationStateRepository.DEFAULT_TABLE_PREFIX);
        return state;
    }

    public static void deleteRows(DataSource ds, String prefix) throws SQLException {
        forEachTable(ds, prefix, "DELETE FROM ");
    }

    public static void dropTables(DataSource ds, String prefix) throws SQLException {
        forEachTable(ds, prefix, "DROP TABLE IF EXISTS ");
    }

    private static void forEachTable(DataSource ds, String prefix, String command) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String table : TABLES) {
                try {
                    s.execute(command + prefix + table);
                } catch (SQLException e) {
                    // otn_claim_lock exists on H2 only
                    if (!table.equals("otn_claim_lock")) {
                        throw e;
                    }
                }
            }
            for (String table : STATE_TABLES) {
                try {
                    s.execute(command + prefix + table);
                } catch (SQLException e) {
                    // a store that never started has no conversation state tables
                }
            }
        }
    }
}
