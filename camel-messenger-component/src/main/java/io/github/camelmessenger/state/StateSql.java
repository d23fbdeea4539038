package io.github.camelmessenger.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelmessenger.jdbc.Dialect;
import io.github.camelmessenger.jdbc.SqlErrors;

/**
 * The SQL of the JDBC repository for one {@link Dialect}. This base class is the portable SQL of
 * {@link Dialect#GENERIC}: plain statements that any database runs, made exactly-once by a random {@code generation}
 * that every put gives a wait row. A caller reads a row, then deletes it only if its generation is unchanged; the
 * database lets exactly one such delete count 1, and a replaced row (new generation) cannot be deleted on the
 * strength of the old read. {@link PostgresStateSql} and {@link H2StateSql} do the same in single statements.
 * <p>
 * The tables come from the script {@code conversation-state.sql} (see {@link JdbcConversationStateRepository}).
 * Every method runs on a connection in auto-commit mode; each statement is its own transaction.
 */
class StateSql {

    /** How often a racing insert may lose to another node before an upsert gives up (practically never). */
    private static final int UPSERT_ATTEMPTS = 10;

    final StateTables tables;

    StateSql(StateTables tables) {
        this.tables = tables;
    }

    /** The SQL for a dialect. */
    static StateSql of(Dialect dialect, StateTables tables) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresStateSql(tables);
            case H2 -> new H2StateSql(tables);
            case GENERIC -> new StateSql(tables);
        };
    }

    Dialect dialect() {
        return Dialect.GENERIC;
    }

    // ---- waits ----------------------------------------------------------------------------------------------

    void putWait(Connection c, Wait wait) throws SQLException {
        long generation = newGeneration();
        for (int attempt = 1; ; attempt++) {
            if (update(c, "UPDATE " + tables.waits() + " SET step = ?, created_at = ?, expires_at = ?, generation = ?"
                          + " WHERE page_id = ? AND psid = ?",
                    wait.step(), millis(wait.createdAt()), millis(wait.expiresAt()), generation,
                    wait.pageId(), wait.psid()) == 1) {
                return;
            }
            try {
                update(c, "INSERT INTO " + tables.waits()
                          + " (page_id, psid, step, created_at, expires_at, generation) VALUES (?, ?, ?, ?, ?, ?)",
                        wait.pageId(), wait.psid(), wait.step(), millis(wait.createdAt()), millis(wait.expiresAt()),
                        generation);
                return;
            } catch (SQLException e) {
                // another node inserted the row since our update: update that row instead
                if (!SqlErrors.isDuplicateKey(e) || attempt >= UPSERT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    Optional<Wait> takeWait(Connection c, String pageId, String psid, long now) throws SQLException {
        // each lost race means another caller took, claimed or replaced this very row, so the loop ends as soon as
        // the user has no valid wait left or we win one
        while (true) {
            Optional<StoredWait> current = query(c, "SELECT page_id, psid, step, created_at, expires_at, generation FROM "
                                                    + tables.waits() + " WHERE page_id = ? AND psid = ?",
                    pageId, psid).stream().findFirst();
            if (current.isEmpty() || current.get().expiresAt() <= now) {
                return Optional.empty();
            }
            if (deleteGeneration(c, current.get())) {
                return Optional.of(current.get().value());
            }
        }
    }

    List<Wait> claimExpired(Connection c, long now, int max) throws SQLException {
        while (true) {
            List<StoredWait> candidates;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT page_id, psid, step, created_at, expires_at, generation FROM " + tables.waits()
                    + " WHERE expires_at <= ? ORDER BY expires_at")) {
                ps.setMaxRows(max);
                bind(ps, now);
                candidates = read(ps);
            }
            List<Wait> claimed = new ArrayList<>();
            for (StoredWait candidate : candidates) {
                if (deleteGeneration(c, candidate)) {
                    claimed.add(candidate.value());
                }
            }
            // when other nodes won every candidate, look again rather than report "nothing expired"
            if (!claimed.isEmpty() || candidates.isEmpty()) {
                return claimed;
            }
        }
    }

    private boolean deleteGeneration(Connection c, StoredWait row) throws SQLException {
        return update(c, "DELETE FROM " + tables.waits() + " WHERE page_id = ? AND psid = ? AND generation = ?",
                row.value().pageId(), row.value().psid(), row.generation()) == 1;
    }

    // ---- two-phase waits (every dialect) ---------------------------------------------------------------------

    /**
     * Takes the user's pending wait for a route: marks it taken until {@code takenUntil} instead of deleting it. A
     * wait under a live take (another node's route is handling it) is not taken again.
     */
    Optional<Wait> takeWaitLeased(Connection c, String pageId, String psid, long now, long takenUntil)
            throws SQLException {
        Optional<StoredWait> pending = query(c, "SELECT page_id, psid, step, created_at, expires_at, generation FROM "
                + tables.waits() + " WHERE page_id = ? AND psid = ? AND expires_at > ?", pageId, psid, now)
                .stream().findFirst();
        if (pending.isPresent() && markTaken(c, pending.get().value(), now, takenUntil)) {
            return Optional.of(pending.get().value());
        }
        return Optional.empty();
    }

    /** Expired waits not under a live take, each marked taken until {@code takenUntil}. */
    List<Wait> claimExpiredLeased(Connection c, long now, int max, long takenUntil) throws SQLException {
        List<StoredWait> candidates;
        try (PreparedStatement ps = c.prepareStatement("SELECT w.page_id, w.psid, w.step, w.created_at, w.expires_at,"
                + " w.generation FROM " + tables.waits() + " w LEFT JOIN " + tables.waitTakes() + " t"
                + " ON t.page_id = w.page_id AND t.psid = w.psid AND t.created_at = w.created_at"
                + " AND t.taken_until >= ? WHERE w.expires_at <= ? AND t.page_id IS NULL ORDER BY w.expires_at")) {
            ps.setMaxRows(max);
            bind(ps, now, now);
            candidates = read(ps);
        }
        List<Wait> claimed = new ArrayList<>();
        for (StoredWait candidate : candidates) {
            if (markTaken(c, candidate.value(), now, takenUntil)) {
                claimed.add(candidate.value());
            }
        }
        return claimed;
    }

    /**
     * One caller wins: the first insert of the user's take row, or the update of a row that lapsed or belongs to an
     * earlier wait of the user (its {@code created_at} differs).
     */
    private boolean markTaken(Connection c, Wait wait, long now, long takenUntil) throws SQLException {
        long createdAt = millis(wait.createdAt());
        boolean taken = update(c, "UPDATE " + tables.waitTakes() + " SET created_at = ?, taken_until = ? WHERE"
                                  + " page_id = ? AND psid = ? AND (taken_until < ? OR created_at <> ?)",
                createdAt, takenUntil, wait.pageId(), wait.psid(), now, createdAt) == 1;
        if (!taken) {
            try {
                taken = update(c, "INSERT INTO " + tables.waitTakes() + " (page_id, psid, created_at, taken_until)"
                                  + " VALUES (?, ?, ?, ?)", wait.pageId(), wait.psid(), createdAt, takenUntil) == 1;
            } catch (SQLException e) {
                if (SqlErrors.isDuplicateKey(e)) {
                    return false; // a live take of this wait, or another caller took it just now
                }
                throw e;
            }
        }
        if (taken && !waitExists(c, wait.pageId(), wait.psid(), createdAt)) {
            // the candidate was read before another node confirmed it (wait and take row both gone): a stale read
            // must not take the wait a second time
            update(c, "DELETE FROM " + tables.waitTakes() + " WHERE page_id = ? AND psid = ? AND created_at = ?",
                    wait.pageId(), wait.psid(), createdAt);
            return false;
        }
        return taken;
    }

    private boolean waitExists(Connection c, String pageId, String psid, long createdAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM " + tables.waits() + " WHERE page_id = ? AND psid = ? AND created_at = ?")) {
            bind(ps, pageId, psid, createdAt);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The route handled the taken wait: it is gone (unless a newer wait replaced it meanwhile: that one stays). */
    void confirmWait(Connection c, Wait wait) throws SQLException {
        long createdAt = millis(wait.createdAt());
        update(c, "DELETE FROM " + tables.waits() + " WHERE page_id = ? AND psid = ? AND created_at = ? AND step = ?",
                wait.pageId(), wait.psid(), createdAt, wait.step());
        update(c, "DELETE FROM " + tables.waitTakes() + " WHERE page_id = ? AND psid = ? AND created_at = ?",
                wait.pageId(), wait.psid(), createdAt);
    }

    /** The route failed: the wait is pending again, for the redelivered answer or the next expiry sweep. */
    void releaseWait(Connection c, Wait wait) throws SQLException {
        update(c, "DELETE FROM " + tables.waitTakes() + " WHERE page_id = ? AND psid = ? AND created_at = ?",
                wait.pageId(), wait.psid(), millis(wait.createdAt()));
    }

    // ---- last inbound ---------------------------------------------------------------------------------------

    void recordInbound(Connection c, String pageId, String psid, long at) throws SQLException {
        if (raiseLastInbound(c, pageId, psid, at) == 1) {
            return;
        }
        if (!lastInboundExists(c, pageId, psid)) {
            try {
                update(c, "INSERT INTO " + tables.lastInbound() + " (page_id, psid, last_inbound_at) VALUES (?, ?, ?)",
                        pageId, psid, at);
                return;
            } catch (SQLException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
        // the row exists now, though perhaps only since our first update (another node recorded this user at the
        // same moment): rows are never deleted, so this update settles the maximum
        raiseLastInbound(c, pageId, psid, at);
    }

    private int raiseLastInbound(Connection c, String pageId, String psid, long at) throws SQLException {
        return update(c, "UPDATE " + tables.lastInbound() + " SET last_inbound_at = ?"
                         + " WHERE page_id = ? AND psid = ? AND last_inbound_at < ?", at, pageId, psid, at);
    }

    private boolean lastInboundExists(Connection c, String pageId, String psid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM " + tables.lastInbound() + " WHERE page_id = ? AND psid = ?")) {
            bind(ps, pageId, psid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A wait row with its generation. */
    record StoredWait(Wait value, long generation) {
        long expiresAt() {
            return value.expiresAt().toEpochMilli();
        }
    }

    static long newGeneration() {
        return ThreadLocalRandom.current().nextLong();
    }

    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    static List<StoredWait> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return read(ps);
        }
    }

    /** Runs a query whose rows are wait rows (all of {@code page_id, psid, step, created_at, expires_at, generation}). */
    static List<StoredWait> read(PreparedStatement ps) throws SQLException {
        List<StoredWait> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Wait wait = new Wait(rs.getString("page_id"), rs.getString("psid"), rs.getString("step"),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("expires_at")));
                rows.add(new StoredWait(wait, rs.getLong("generation")));
            }
        }
        return rows;
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof String s) {
                ps.setString(i + 1, s);
            } else if (arg instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (arg instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                throw new IllegalArgumentException("Unsupported parameter type: " + arg);
            }
        }
    }

    @Override
    public String toString() {
        return dialect().id();
    }
}
