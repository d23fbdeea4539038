package io.github.camelmessenger.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The SQL of the JDBC repository. This base class is the portable dialect: plain SQL that any database runs, made
 * exactly-once by a random {@code generation} that every put gives a wait row. A caller reads a row, then deletes it
 * only if its generation is unchanged; the database lets exactly one such delete count 1, and a replaced row (new
 * generation) cannot be deleted on the strength of the old read. {@link PostgresDialect} and {@link H2Dialect} do
 * the same in single statements.
 * <p>
 * Every method runs on a connection in auto-commit mode; each statement is its own transaction.
 */
class SqlDialect {

    static final String GENERIC = "generic";
    /** How often a racing insert may lose to another node before an upsert gives up (practically never). */
    private static final int UPSERT_ATTEMPTS = 10;

    final StateTables tables;

    SqlDialect(StateTables tables) {
        this.tables = tables;
    }

    /** The dialect for a {@link java.sql.DatabaseMetaData#getDatabaseProductName() database product}. */
    static SqlDialect forProduct(String productName, StateTables tables) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return new PostgresDialect(tables);
        }
        if (product.equals("h2")) {
            return new H2Dialect(tables);
        }
        return new SqlDialect(tables);
    }

    /** The dialect chosen by name ({@code postgresql}, {@code h2} or {@code generic}). */
    static SqlDialect named(String name, StateTables tables) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case PostgresDialect.NAME -> new PostgresDialect(tables);
            case H2Dialect.NAME -> new H2Dialect(tables);
            case GENERIC -> new SqlDialect(tables);
            default -> throw new IllegalArgumentException("Unknown dialect " + name + " (known: "
                                                          + PostgresDialect.NAME + ", " + H2Dialect.NAME + ", "
                                                          + GENERIC + ")");
        };
    }

    String name() {
        return GENERIC;
    }

    // ---- schema ---------------------------------------------------------------------------------------------

    /** {@code "IF NOT EXISTS "} where the database understands it on tables and indexes, else empty. */
    String ifNotExists() {
        return "";
    }

    List<String> createWaits() {
        return List.of(
                "CREATE TABLE " + ifNotExists() + tables.waits() + " ("
                + "page_id VARCHAR(" + Wait.MAX_ID_LENGTH + ") NOT NULL, "
                + "psid VARCHAR(" + Wait.MAX_ID_LENGTH + ") NOT NULL, "
                + "step VARCHAR(" + Wait.MAX_STEP_LENGTH + ") NOT NULL, "
                + "created_at BIGINT NOT NULL, "
                + "expires_at BIGINT NOT NULL, "
                + "generation BIGINT NOT NULL, "
                + "PRIMARY KEY (page_id, psid))",
                "CREATE INDEX " + ifNotExists() + tables.waitsExpiryIndex() + " ON " + tables.waits() + " (expires_at)");
    }

    List<String> createLastInbound() {
        return List.of(
                "CREATE TABLE " + ifNotExists() + tables.lastInbound() + " ("
                + "page_id VARCHAR(" + Wait.MAX_ID_LENGTH + ") NOT NULL, "
                + "psid VARCHAR(" + Wait.MAX_ID_LENGTH + ") NOT NULL, "
                + "last_inbound_at BIGINT NOT NULL, "
                + "PRIMARY KEY (page_id, psid))");
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
                if (!isDuplicateKey(e) || attempt >= UPSERT_ATTEMPTS) {
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
                if (!isDuplicateKey(e)) {
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

    /** Integrity constraint violation (SQLSTATE class 23): here always the primary key. */
    static boolean isDuplicateKey(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
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
        return name();
    }
}
