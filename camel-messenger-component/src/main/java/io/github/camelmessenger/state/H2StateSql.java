package io.github.camelmessenger.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.github.camelmessenger.jdbc.Dialect;
import io.github.camelmessenger.jdbc.SqlErrors;

/**
 * H2: deletes that return the deleted rows through a data change delta table
 * ({@code SELECT ... FROM OLD TABLE (DELETE ...)}), so taking and claiming are single statements as on PostgreSQL.
 * A delete that meets a row locked by another transaction waits for it and skips the row if it was deleted, so each
 * row goes to one caller. Upserts use {@code MERGE ... KEY}; the 24-hour window bookkeeping uses the portable SQL.
 */
final class H2StateSql extends StateSql {

    private static final String WAIT_COLUMNS = "page_id, psid, step, created_at, expires_at, generation";
    private static final int MERGE_ATTEMPTS = 10;

    H2StateSql(StateTables tables) {
        super(tables);
    }

    @Override
    Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    void putWait(Connection c, Wait wait) throws SQLException {
        long generation = newGeneration();
        for (int attempt = 1; ; attempt++) {
            try {
                update(c, "MERGE INTO " + tables.waits() + " (" + WAIT_COLUMNS + ") KEY (page_id, psid)"
                          + " VALUES (?, ?, ?, ?, ?, ?)",
                        wait.pageId(), wait.psid(), wait.step(), millis(wait.createdAt()), millis(wait.expiresAt()),
                        generation);
                return;
            } catch (SQLException e) {
                // two first merges of one key race to insert; the loser merges again, now as an update
                if (!SqlErrors.isDuplicateKey(e) || attempt >= MERGE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    Optional<Wait> takeWait(Connection c, String pageId, String psid, long now) throws SQLException {
        return query(c, "SELECT " + WAIT_COLUMNS + " FROM OLD TABLE (DELETE FROM " + tables.waits()
                        + " WHERE page_id = ? AND psid = ? AND expires_at > ?)", pageId, psid, now)
                .stream().findFirst().map(StoredWait::value);
    }

    // claimExpired: the portable select-then-delete-by-generation. H2's DELETE ... RETURNING does not re-check its
    // condition against a row replaced (by putWait) while the DELETE waited for its lock, and would "expire" the
    // fresh replacement; the generation tells the two apart.
}
