package io.github.camelmessenger.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConversationStateRepository} in a relational database reached through any {@link DataSource}. Several
 * Camel contexts (nodes), in one JVM or many, may share one database: a wait is taken or claimed by exactly one of
 * them, and nothing is lost when a node restarts.
 * <p>
 * Two tables, created when missing unless {@link #setCreateTablesIfMissing(boolean) createTablesIfMissing} is off
 * (all columns {@code NOT NULL}; times are epoch milliseconds, UTC):
 * <pre>
 * CREATE TABLE messenger_waits (page_id VARCHAR(64), psid VARCHAR(64), step VARCHAR(255), created_at BIGINT,
 *     expires_at BIGINT, generation BIGINT, PRIMARY KEY (page_id, psid));   -- plus an index on expires_at
 * CREATE TABLE messenger_last_inbound (page_id VARCHAR(64), psid VARCHAR(64), last_inbound_at BIGINT,
 *     PRIMARY KEY (page_id, psid));
 * </pre>
 * PostgreSQL and H2 get single-statement SQL ({@code DELETE ... RETURNING}, {@code FOR UPDATE SKIP LOCKED},
 * upserts); other databases get portable SQL that stays exactly-once through the {@code generation} column (a
 * random number each put gives the row, checked by every delete).
 * <p>
 * Each operation borrows one connection, runs in auto-commit mode (each statement is its own short transaction) and
 * returns the connection at once; no connection is held between calls and the repository needs no pool of its own.
 * The data source belongs to the caller: stopping the repository does not close it.
 */
public class JdbcConversationStateRepository extends ServiceSupport implements ConversationStateRepository {

    /** The default {@link #setTablePrefix(String) table prefix}. */
    public static final String DEFAULT_TABLE_PREFIX = "messenger_";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversationStateRepository.class);

    private final DataSource dataSource;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private boolean createTablesIfMissing = true;
    /** A dialect forced by tests (e.g. the portable one on PostgreSQL); null detects it from the database. */
    private String dialectName;
    private volatile SqlDialect dialect;

    public JdbcConversationStateRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    /**
     * Prefix of the table names ({@code <prefix>waits}, {@code <prefix>last_inbound}); default {@code messenger_}.
     * Letters, digits and underscores only, at most 40 characters. Set before the repository is started or used.
     */
    public void setTablePrefix(String tablePrefix) {
        StateTables.withPrefix(tablePrefix);
        requireNotPrepared();
        this.tablePrefix = tablePrefix;
    }

    public boolean isCreateTablesIfMissing() {
        return createTablesIfMissing;
    }

    /**
     * Whether to create missing tables on start (default {@code true}). When {@code false}, a missing table fails
     * the start with a message carrying the statement to create it.
     */
    public void setCreateTablesIfMissing(boolean createTablesIfMissing) {
        requireNotPrepared();
        this.createTablesIfMissing = createTablesIfMissing;
    }

    /** Forces a dialect ({@code postgresql}, {@code h2}, {@code generic}) instead of detecting it; for tests. */
    void setDialectName(String dialectName) {
        requireNotPrepared();
        this.dialectName = dialectName;
    }

    /** The SQL dialect in use ({@code postgresql}, {@code h2} or {@code generic}); prepares the store if needed. */
    public String getDialectName() {
        return dialect().name();
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    protected void doStart() {
        dialect();
    }

    @Override
    protected void doStop() {
        // the data source is the caller's; there is nothing of ours to release
    }

    private void requireNotPrepared() {
        if (dialect != null) {
            throw new IllegalStateException("Configure " + getClass().getSimpleName() + " before it is started");
        }
    }

    private SqlDialect dialect() {
        SqlDialect d = dialect;
        if (d == null) {
            synchronized (this) {
                d = dialect;
                if (d == null) {
                    d = prepare();
                    dialect = d;
                }
            }
        }
        return d;
    }

    private SqlDialect prepare() {
        StateTables tables = StateTables.withPrefix(tablePrefix);
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            SqlDialect d = dialectName != null
                    ? SqlDialect.named(dialectName, tables) : SqlDialect.forProduct(product, tables);
            ensureTable(c, tables.waits(), d.createWaits());
            ensureTable(c, tables.lastInbound(), d.createLastInbound());
            LOG.info("Conversation state in {} tables {} and {} ({} SQL)", product, tables.waits(),
                    tables.lastInbound(), d.name());
            return d;
        } catch (SQLException e) {
            throw new ConversationStateException("Conversation state: cannot prepare tables " + tables.waits()
                                                 + " and " + tables.lastInbound() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the table (with its indexes, in one transaction where the database's DDL is transactional) unless it
     * exists. Nodes starting together may race; losing that race is fine as long as the table exists afterwards.
     */
    private void ensureTable(Connection c, String table, List<String> ddl) throws SQLException {
        if (tableExists(c, table)) {
            return;
        }
        if (!createTablesIfMissing) {
            throw new ConversationStateException("Conversation state table " + table + " does not exist and"
                                                 + " createTablesIfMissing is false; create it with: "
                                                 + String.join("; ", ddl));
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    s.execute(sql);
                }
            }
            c.commit();
            LOG.debug("Created table {}", table);
        } catch (SQLException e) {
            c.rollback();
            if (!tableExists(c, table)) {
                throw e;
            }
            LOG.debug("Table {} was created by another node meanwhile", table);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Probes with a query rather than metadata, which would depend on how the database folds identifier case. */
    private static boolean tableExists(Connection c, String table) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    // ---- operations -----------------------------------------------------------------------------------------

    @Override
    public void putWait(Wait wait) {
        Objects.requireNonNull(wait, "wait");
        run("put a wait", (d, c) -> {
            d.putWait(c, wait);
            return null;
        });
    }

    @Override
    public Optional<Wait> takeWait(String pageId, String psid, Instant now) {
        requireUser(pageId, psid);
        long nowMillis = Objects.requireNonNull(now, "now").toEpochMilli();
        return run("take a wait", (d, c) -> d.takeWait(c, pageId, psid, nowMillis));
    }

    @Override
    public List<Wait> claimExpired(Instant now, int max) {
        long nowMillis = Objects.requireNonNull(now, "now").toEpochMilli();
        InMemoryConversationStateRepository.requirePositive(max);
        return run("claim expired waits", (d, c) -> d.claimExpired(c, nowMillis, max));
    }

    @Override
    public Optional<Wait> findWait(String pageId, String psid) {
        requireUser(pageId, psid);
        return run("find a wait", (d, c) -> SqlDialect.query(c,
                "SELECT page_id, psid, step, created_at, expires_at, generation FROM " + d.tables.waits()
                + " WHERE page_id = ? AND psid = ?", pageId, psid)
                .stream().findFirst().map(SqlDialect.StoredWait::value));
    }

    @Override
    public void recordInbound(String pageId, String psid, Instant at) {
        requireUser(pageId, psid);
        long atMillis = Wait.toMillis("at", at).toEpochMilli();
        run("record an inbound message", (d, c) -> {
            d.recordInbound(c, pageId, psid, atMillis);
            return null;
        });
    }

    @Override
    public Optional<Instant> lastInbound(String pageId, String psid) {
        requireUser(pageId, psid);
        return run("read the last inbound time", (d, c) -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_inbound_at FROM " + d.tables.lastInbound() + " WHERE page_id = ? AND psid = ?")) {
                SqlDialect.bind(ps, pageId, psid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    private static void requireUser(String pageId, String psid) {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(psid, "psid");
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(SqlDialect dialect, Connection connection) throws SQLException;
    }

    /** Borrows a connection in auto-commit mode for one operation and hands it back as it found it. */
    private <T> T run(String action, SqlWork<T> work) {
        SqlDialect d = dialect();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try {
                return work.run(d, c);
            } finally {
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new ConversationStateException("Conversation state: could not " + action + " (" + d.tables.waits()
                                                 + "/" + d.tables.lastInbound() + "): " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcConversationStateRepository[tablePrefix=" + tablePrefix + "]";
    }
}
