package io.github.camelmessenger.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.github.camelmessenger.jdbc.Dialect;

/**
 * PostgreSQL: every operation is one statement. {@code DELETE ... RETURNING} hands the deleted row to exactly the
 * caller whose delete removed it; concurrent deletes of the same row wait for the first and then find nothing.
 * Expiry sweeps lock their batch with {@code FOR UPDATE SKIP LOCKED}, so nodes sweeping at once take disjoint batches
 * instead of queueing behind each other.
 */
final class PostgresStateSql extends StateSql {

    private static final String WAIT_COLUMNS = "page_id, psid, step, created_at, expires_at, generation";

    PostgresStateSql(StateTables tables) {
        super(tables);
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    void putWait(Connection c, Wait wait) throws SQLException {
        update(c, "INSERT INTO " + tables.waits() + " (" + WAIT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT (page_id, psid) DO UPDATE SET step = EXCLUDED.step,"
                  + " created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,"
                  + " generation = EXCLUDED.generation",
                wait.pageId(), wait.psid(), wait.step(), millis(wait.createdAt()), millis(wait.expiresAt()),
                newGeneration());
    }

    @Override
    Optional<Wait> takeWait(Connection c, String pageId, String psid, long now) throws SQLException {
        return query(c, "DELETE FROM " + tables.waits() + " WHERE page_id = ? AND psid = ? AND expires_at > ?"
                        + " RETURNING " + WAIT_COLUMNS, pageId, psid, now)
                .stream().findFirst().map(StoredWait::value);
    }

    @Override
    List<Wait> claimExpired(Connection c, long now, int max) throws SQLException {
        // the outer expiry test is redundant with the locked inner one; it keeps the statement obviously safe
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM " + tables.waits() + " WHERE (page_id, psid) IN (SELECT page_id, psid FROM "
                + tables.waits() + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " AND expires_at <= ? RETURNING " + WAIT_COLUMNS)) {
            bind(ps, now, max, now);
            return read(ps).stream().map(StoredWait::value).toList();
        }
    }

    @Override
    void recordInbound(Connection c, String pageId, String psid, long at) throws SQLException {
        update(c, "INSERT INTO " + tables.lastInbound() + " (page_id, psid, last_inbound_at) VALUES (?, ?, ?)"
                  + " ON CONFLICT (page_id, psid) DO UPDATE SET last_inbound_at = EXCLUDED.last_inbound_at"
                  + " WHERE " + tables.lastInbound() + ".last_inbound_at < EXCLUDED.last_inbound_at",
                pageId, psid, at);
    }
}
