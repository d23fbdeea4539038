package io.github.camelmessenger.webhook.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.camelmessenger.jdbc.DataSourceAware;
import io.github.camelmessenger.jdbc.Dialect;
import io.github.camelmessenger.jdbc.Schema;
import io.github.camelmessenger.jdbc.SqlScript;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link WebhookInbox} in one table of any SQL database (tested on H2 and PostgreSQL). Processed events are
 * deleted; dead letters stay until replayed or discarded. Several nodes may share the table: claims are row-level,
 * with a lease, so each event is processed by one node; PostgreSQL locks the candidates with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, so nodes never wait on each other, elsewhere every claim is a
 * conditional UPDATE that only one node can win.
 * <p>
 * The table and its indexes are defined by the script {@code META-INF/camel-messenger/sql/<dialect>/webhook-inbox.sql}
 * in this jar; at start the inbox looks them up in the database catalog and creates only what is missing (unless
 * {@link #setCreateTable(boolean) createTable} is off), so a start against an existing table runs no DDL. Created
 * without a DataSource, the inbox gets the {@code messenger} component's when the webhook consumer starts.
 *
 * <pre>
 * JdbcWebhookInbox inbox = new JdbcWebhookInbox(dataSource);
 * context.getRegistry().bind("inbox", inbox);
 * from("messenger:webhook?appSecret=...&amp;inbox=#inbox").to(...);
 * inbox.deadLetters().forEach(d -&gt; inbox.replay(d.id()));
 * </pre>
 */
public class JdbcWebhookInbox extends ServiceSupport implements WebhookInbox, DataSourceAware {

    public static final String DEFAULT_TABLE_NAME = "MESSENGER_WEBHOOK_INBOX";
    /** The schema script, per {@link Dialect} under {@value SqlScript#LOCATION}. */
    static final String SCRIPT = "webhook-inbox";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcWebhookInbox.class);
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,58}");
    private static final int MAX_ERROR = 2000;
    private static final int MAX_KEY = 255;

    private DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTable = true;
    private volatile Dialect dialect;

    public JdbcWebhookInbox() {
    }

    public JdbcWebhookInbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public JdbcWebhookInbox(DataSource dataSource, String tableName) {
        this.dataSource = dataSource;
        setTableName(tableName);
    }

    @Override
    protected void doStart() throws Exception {
        if (dataSource == null) {
            throw new IllegalArgumentException("JdbcWebhookInbox needs a dataSource");
        }
        try (Connection c = dataSource.getConnection()) {
            Dialect detected = Dialect.of(c);
            if (createTable) {
                Schema.createMissing(c, SqlScript.load(JdbcWebhookInbox.class, SCRIPT, detected,
                        Map.of("table", tableName)));
            }
            dialect = detected;
        }
        LOG.debug("Webhook inbox on table {} ({})", tableName, dialect.id());
    }

    /** Due events of a channel, oldest first, none behind an unfinished earlier event of its conversation. */
    private String candidates(int max) {
        String sql = "SELECT e.id, e.page_id, e.standby, e.event_json, e.attempts FROM " + tableName + " e "
                     + "WHERE e.channel = ? AND e.next_attempt_at <= ? "
                     + "AND (e.status = 'PENDING' OR (e.status = 'CLAIMED' AND e.lease_until < ?)) "
                     + "AND NOT EXISTS (SELECT 1 FROM " + tableName + " p WHERE p.channel = e.channel "
                     + "AND p.conversation = e.conversation AND p.id < e.id AND p.status <> 'DEAD') "
                     + "ORDER BY e.id ";
        return switch (dialect) {
            case POSTGRESQL -> sql + "LIMIT " + max + " FOR UPDATE OF e SKIP LOCKED";
            case H2 -> sql + "LIMIT " + max;
            case GENERIC -> sql + "FETCH FIRST " + max + " ROWS ONLY";
        };
    }

    @Override
    public void store(String channel, List<InboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tableName
                                                           + " (channel, conversation, event_type, page_id, standby, "
                                                           + "event_json, status, attempts, next_attempt_at, "
                                                           + "created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
                for (InboxEvent e : events) {
                    ps.setString(1, channel);
                    ps.setString(2, truncate(e.conversation(), MAX_KEY));
                    ps.setString(3, truncate(e.eventType(), 64));
                    ps.setString(4, truncate(e.pageId(), MAX_KEY));
                    ps.setBoolean(5, e.standby());
                    ps.setString(6, e.json());
                    ps.setLong(7, now);
                    ps.setLong(8, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<ClaimedEvent> claim(String channel, String node, int max, long now, long leaseMillis) {
        if (max <= 0) {
            return List.of();
        }
        return transaction(c -> {
            List<ClaimedEvent> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(candidates(max))) {
                ps.setString(1, channel);
                ps.setLong(2, now);
                ps.setLong(3, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(new ClaimedEvent(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                                rs.getString(4), rs.getInt(5)));
                    }
                }
            }
            List<ClaimedEvent> claimed = new ArrayList<>(candidates.size());
            // the condition repeats the selection, so that of two nodes racing for a row only one wins it
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + tableName
                                                           + " SET status = 'CLAIMED', lease_owner = ?, lease_until = ? "
                                                           + "WHERE id = ? AND next_attempt_at <= ? AND (status = "
                                                           + "'PENDING' OR (status = 'CLAIMED' AND lease_until < ?))")) {
                for (ClaimedEvent e : candidates) {
                    ps.setString(1, node);
                    ps.setLong(2, now + leaseMillis);
                    ps.setLong(3, e.id());
                    ps.setLong(4, now);
                    ps.setLong(5, now);
                    if (ps.executeUpdate() == 1) {
                        claimed.add(e);
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public void renew(String node, Collection<Long> ids, long until) {
        if (ids.isEmpty()) {
            return;
        }
        transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + tableName + " SET lease_until = ? "
                                                           + "WHERE id = ? AND lease_owner = ? AND status = 'CLAIMED'")) {
                for (Long id : ids) {
                    ps.setLong(1, until);
                    ps.setLong(2, id);
                    ps.setString(3, node);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public boolean complete(long id, String node) {
        return update("DELETE FROM " + tableName + " WHERE id = ? AND lease_owner = ? AND status = 'CLAIMED'",
                id, node) == 1;
    }

    @Override
    public boolean retry(long id, String node, long nextAttemptAt, String error) {
        return update("UPDATE " + tableName + " SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = ?, "
                      + "last_error = ?, lease_owner = NULL, lease_until = NULL "
                      + "WHERE id = ? AND lease_owner = ? AND status = 'CLAIMED'",
                nextAttemptAt, truncate(error, MAX_ERROR), id, node) == 1;
    }

    @Override
    public boolean deadLetter(long id, String node, String error) {
        return update("UPDATE " + tableName + " SET status = 'DEAD', attempts = attempts + 1, last_error = ?, "
                      + "lease_owner = NULL, lease_until = NULL "
                      + "WHERE id = ? AND lease_owner = ? AND status = 'CLAIMED'",
                truncate(error, MAX_ERROR), id, node) == 1;
    }

    @Override
    public void release(String node, Collection<Long> ids) {
        for (Long id : ids) {
            update("UPDATE " + tableName + " SET status = 'PENDING', lease_owner = NULL, lease_until = NULL "
                   + "WHERE id = ? AND lease_owner = ? AND status = 'CLAIMED'",
                    id, node);
        }
    }

    @Override
    public List<DeadLetter> deadLetters() {
        return transaction(c -> {
            List<DeadLetter> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, channel, event_type, conversation, attempts, "
                                                           + "last_error, event_json, created_at FROM " + tableName
                                                           + " WHERE status = 'DEAD' ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8))));
                }
            }
            return out;
        });
    }

    @Override
    public boolean replay(long id) {
        return update("UPDATE " + tableName + " SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                      + "WHERE id = ? AND status = 'DEAD'",
                System.currentTimeMillis(), id) == 1;
    }

    @Override
    public int replayAll() {
        return update("UPDATE " + tableName + " SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                      + "WHERE status = 'DEAD'",
                System.currentTimeMillis());
    }

    @Override
    public boolean discard(long id) {
        return update("DELETE FROM " + tableName + " WHERE id = ? AND status = 'DEAD'", id) == 1;
    }

    @Override
    public long pendingCount() {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tableName
                                                           + " WHERE status <> 'DEAD'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private int update(String sql, Object... params) {
        return transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Every call in its own transaction, whatever auto-commit mode a pooled connection comes in. */
    private <T> T transaction(Work<T> work) {
        if (dialect == null) {
            throw new IllegalStateException("JdbcWebhookInbox on " + tableName + " is not started");
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Webhook inbox " + tableName + ": " + e.getMessage(), e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public DataSource getDataSource() {
        return dataSource;
    }

    @Override
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getTableName() {
        return tableName;
    }

    /** The table; letters, digits and underscores only (it is part of the SQL). */
    public void setTableName(String tableName) {
        if (tableName == null || !TABLE_NAME.matcher(tableName).matches()) {
            throw new IllegalArgumentException("JdbcWebhookInbox tableName must be letters, digits and underscores "
                                               + "(at most 59), got: " + tableName);
        }
        this.tableName = tableName;
    }

    public boolean isCreateTable() {
        return createTable;
    }

    /** Whether the table is created at start when missing (default true). */
    public void setCreateTable(boolean createTable) {
        this.createTable = createTable;
    }

    @Override
    public String toString() {
        return "JdbcWebhookInbox[" + tableName + "]";
    }
}
