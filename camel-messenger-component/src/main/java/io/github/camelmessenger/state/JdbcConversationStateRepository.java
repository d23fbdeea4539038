package io.github.camelmessenger.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.camelmessenger.jdbc.DataSourceAware;
import io.github.camelmessenger.jdbc.Dialect;
import io.github.camelmessenger.jdbc.SqlScript;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ConversationStateRepository} in a relational database reached through any {@link DataSource}. Several
 * Camel contexts (nodes), in one JVM or many, may share one database: a wait is taken or claimed by exactly one of
 * them, and nothing is lost when a node restarts.
 * <p>
 * Two tables, {@code <prefix>waits} and {@code <prefix>last_inbound}, defined by the script
 * {@code META-INF/camel-messenger/sql/generic/conversation-state.sql} in this jar (all columns {@code NOT NULL};
 * times are epoch milliseconds, UTC). At start the repository looks them up in the database catalog and creates
 * only what is missing, unless {@link #setCreateTablesIfMissing(boolean) createTablesIfMissing} is off; a start
 * against existing tables runs no DDL. A DBA may run the script by hand instead.
 * <p>
 * PostgreSQL and H2 get single-statement SQL ({@code DELETE ... RETURNING}, {@code FOR UPDATE SKIP LOCKED},
 * upserts); other databases get portable SQL that stays exactly-once through the {@code generation} column (a
 * random number each put gives the row, checked by every delete).
 * <p>
 * Each operation borrows one connection, runs in auto-commit mode (each statement is its own short transaction) and
 * returns the connection at once; no connection is held between calls and the repository needs no pool of its own.
 * The data source belongs to the caller: stopping the repository does not close it. Created without one (e.g.
 * {@code stateRepository=#class:io.github.camelmessenger.state.JdbcConversationStateRepository}), the repository
 * gets the {@code messenger} component's: its {@code dataSource} option, else the single DataSource in the registry.
 */
public class JdbcConversationStateRepository extends ServiceSupport
        implements ConversationStateRepository, DataSourceAware {

    /** The default {@link #setTablePrefix(String) table prefix}. */
    public static final String DEFAULT_TABLE_PREFIX = "messenger_";
    /** The schema script, per {@link Dialect} under {@value SqlScript#LOCATION}. */
    static final String SCRIPT = "conversation-state";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversationStateRepository.class);
    /** Users per query of {@link #lastInboundTimes}: well below every database's limit on parameters. */
    private static final int LOOKUP_CHUNK = 500;

    private DataSource dataSource;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private boolean createTablesIfMissing = true;
    /** A dialect forced by tests (e.g. the portable one on PostgreSQL); null detects it from the database. */
    private Dialect forcedDialect;
    private volatile StateSql sql;
    private Duration lastInboundRetention = DEFAULT_LAST_INBOUND_RETENTION;
    private Duration pruneInterval = Duration.ofHours(1);
    private Duration waitLeaseTime = DEFAULT_WAIT_LEASE_TIME;
    private Pruner pruner;

    /** A repository without its data source yet: set it, or let the messenger component supply its own. */
    public JdbcConversationStateRepository() {
    }

    public JdbcConversationStateRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public DataSource getDataSource() {
        return dataSource;
    }

    /** The database; set before the repository is started or used. */
    @Override
    public void setDataSource(DataSource dataSource) {
        requireNotPrepared();
        this.dataSource = dataSource;
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
     * the start with a message carrying the statements to create it.
     */
    public void setCreateTablesIfMissing(boolean createTablesIfMissing) {
        requireNotPrepared();
        this.createTablesIfMissing = createTablesIfMissing;
    }

    public Duration getLastInboundRetention() {
        return lastInboundRetention;
    }

    /**
     * How long a user's last inbound time is kept (default 8 days, {@link #DEFAULT_LAST_INBOUND_RETENTION}): older
     * rows of {@code <prefix>last_inbound} are deleted every {@link #setPruneInterval pruneInterval}.
     */
    public void setLastInboundRetention(Duration lastInboundRetention) {
        if (lastInboundRetention == null || lastInboundRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("lastInboundRetention must be at least 1 day (the 24-hour window), was: "
                                               + lastInboundRetention);
        }
        this.lastInboundRetention = lastInboundRetention;
    }

    /** The default {@link #setWaitLeaseTime waitLeaseTime}. */
    public static final Duration DEFAULT_WAIT_LEASE_TIME = Duration.ofMinutes(1);

    public Duration getWaitLeaseTime() {
        return waitLeaseTime;
    }

    /**
     * How long a wait taken by an answer or claimed for expiry stays taken without its route confirming or giving it
     * back (default 1 minute): a node that died mid-route holds it no longer, then the redelivered answer or another
     * node's sweep takes it. Set it above the longest route run on an answer or a {@code wait_expired} event, or a
     * slow route and another node may both handle the wait.
     */
    public void setWaitLeaseTime(Duration waitLeaseTime) {
        if (waitLeaseTime == null || waitLeaseTime.isNegative() || waitLeaseTime.isZero()) {
            throw new IllegalArgumentException("waitLeaseTime must be positive, was: " + waitLeaseTime);
        }
        this.waitLeaseTime = waitLeaseTime;
    }

    public Duration getPruneInterval() {
        return pruneInterval;
    }

    /**
     * How often, while started, the repository deletes last inbound times older than the retention (default 1 hour;
     * zero turns it off, e.g. when a database job does it). Every node does it; the delete is idempotent.
     */
    public void setPruneInterval(Duration pruneInterval) {
        if (pruneInterval == null || pruneInterval.isNegative()) {
            throw new IllegalArgumentException("pruneInterval must be zero or positive, was: " + pruneInterval);
        }
        this.pruneInterval = pruneInterval;
    }

    /** Forces a dialect ({@code postgresql}, {@code h2}, {@code generic}) instead of detecting it; for tests. */
    void setDialectName(String dialectName) {
        requireNotPrepared();
        this.forcedDialect = Dialect.named(dialectName);
    }

    /** The SQL dialect in use ({@code postgresql}, {@code h2} or {@code generic}); prepares the store if needed. */
    public String getDialectName() {
        return sql().dialect().id();
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Override
    protected void doStart() {
        sql();
        if (!pruneInterval.isZero()) {
            pruner = new Pruner("messenger-state-pruner-" + tablePrefix, pruneInterval, this::pruneOnSchedule);
        }
    }

    @Override
    protected void doStop() {
        // the data source is the caller's; only the pruning thread is ours
        if (pruner != null) {
            pruner.stop();
            pruner = null;
        }
    }

    private void pruneOnSchedule() {
        try {
            int forgotten = pruneLastInbound(Instant.now().minus(lastInboundRetention));
            if (forgotten > 0) {
                LOG.debug("Forgot {} last inbound time(s) older than {}", forgotten, lastInboundRetention);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not prune last inbound times: {}", e.getMessage());
        }
    }

    @Override
    public int pruneLastInbound(Instant before) {
        long beforeMillis = Objects.requireNonNull(before, "before").toEpochMilli();
        return run("prune last inbound times", (d, c) -> StateSql.update(c,
                "DELETE FROM " + d.tables.lastInbound() + " WHERE last_inbound_at < ?", beforeMillis));
    }

    private void requireNotPrepared() {
        if (sql != null) {
            throw new IllegalStateException("Configure " + getClass().getSimpleName() + " before it is started");
        }
    }

    private StateSql sql() {
        StateSql s = sql;
        if (s == null) {
            synchronized (this) {
                s = sql;
                if (s == null) {
                    s = prepare();
                    sql = s;
                }
            }
        }
        return s;
    }

    private StateSql prepare() {
        if (dataSource == null) {
            throw new ConversationStateException("JdbcConversationStateRepository has no dataSource: set one, or use"
                                                 + " it as the messenger component's stateRepository, which supplies"
                                                 + " the component's");
        }
        return StateSchema.prepare(dataSource, tablePrefix, forcedDialect, createTablesIfMissing);
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
    public Optional<Wait> takeWaitForRoute(String pageId, String psid, Instant now) {
        requireUser(pageId, psid);
        long nowMillis = Objects.requireNonNull(now, "now").toEpochMilli();
        long until = nowMillis + waitLeaseTime.toMillis();
        return run("take a wait", (d, c) -> d.takeWaitLeased(c, pageId, psid, nowMillis, until));
    }

    @Override
    public List<Wait> claimExpiredForRoute(Instant now, int max) {
        long nowMillis = Objects.requireNonNull(now, "now").toEpochMilli();
        InMemoryConversationStateRepository.requirePositive(max);
        long until = nowMillis + waitLeaseTime.toMillis();
        return run("claim expired waits", (d, c) -> d.claimExpiredLeased(c, nowMillis, max, until));
    }

    @Override
    public void confirmWait(Wait taken) {
        Objects.requireNonNull(taken, "taken");
        run("confirm a taken wait", (d, c) -> {
            d.confirmWait(c, taken);
            return null;
        });
    }

    @Override
    public void releaseWait(Wait taken) {
        Objects.requireNonNull(taken, "taken");
        run("give back a taken wait", (d, c) -> {
            d.releaseWait(c, taken);
            return null;
        });
    }

    @Override
    public Optional<Wait> findWait(String pageId, String psid) {
        requireUser(pageId, psid);
        return run("find a wait", (d, c) -> StateSql.query(c,
                "SELECT page_id, psid, step, created_at, expires_at, generation FROM " + d.tables.waits()
                + " WHERE page_id = ? AND psid = ?", pageId, psid)
                .stream().findFirst().map(StateSql.StoredWait::value));
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
                StateSql.bind(ps, pageId, psid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public Map<String, Instant> lastInboundTimes(String pageId, Collection<String> psids) {
        Objects.requireNonNull(pageId, "pageId");
        List<String> users = psids.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, Instant> times = new HashMap<>();
        for (int from = 0; from < users.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = users.subList(from, Math.min(users.size(), from + LOOKUP_CHUNK));
            run("read last inbound times", (d, c) -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT psid, last_inbound_at FROM "
                        + d.tables.lastInbound() + " WHERE page_id = ? AND psid IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                    ps.setString(1, pageId);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            times.put(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)));
                        }
                    }
                }
                return null;
            });
        }
        return times;
    }

    private static void requireUser(String pageId, String psid) {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(psid, "psid");
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(StateSql dialect, Connection connection) throws SQLException;
    }

    /** Borrows a connection in auto-commit mode for one operation and hands it back as it found it. */
    private <T> T run(String action, SqlWork<T> work) {
        StateSql d = sql();
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
