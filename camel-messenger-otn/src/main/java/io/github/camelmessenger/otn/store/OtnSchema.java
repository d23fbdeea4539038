package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import io.github.camelmessenger.jdbc.Schema;
import io.github.camelmessenger.jdbc.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables and indexes of a {@link JdbcOtnStore}: the script {@code otn.sql} of this jar
 * ({@code META-INF/camel-messenger/sql/postgresql/otn.sql}, or {@code generic/otn.sql} for H2 and other databases),
 * of which the store creates only what the database catalog lacks; a start against an existing schema runs no DDL.
 */
final class OtnSchema {

    static final String SCRIPT = "otn";
    /** The fill factor of the PostgreSQL token table (see the script). */
    static final int TOKEN_FILLFACTOR = 50;

    private static final Logger LOG = LoggerFactory.getLogger(OtnSchema.class);

    private OtnSchema() {
    }

    static void ensure(Connection c, OtnTables t) throws SQLException {
        Schema.createMissing(c, SqlScript.load(OtnSchema.class, SCRIPT, t.dialect(), Map.of("prefix", t.prefix())));
        if (t.postgres()) {
            adaptEarlierTokenTable(c, t);
        }
    }

    /**
     * A PostgreSQL token table created by an earlier version has status-led indexes ({@code _queue},
     * {@code _expiry}), which turn every claim and outcome into a full update with new index entries, and the
     * default fill factor, which leaves no room for HOT updates. Both are changed once; the checks read the catalog,
     * so a start on an adapted table runs no DDL.
     */
    private static void adaptEarlierTokenTable(Connection c, OtnTables t) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String index : List.of(t.tokens() + "_queue", t.tokens() + "_expiry")) {
                if (Schema.indexExists(c, t.tokens(), index)) {
                    s.execute("DROP INDEX IF EXISTS " + index);
                    LOG.info("Dropped index {} of an earlier version: updates of {} are HOT without it", index,
                            t.tokens());
                }
            }
            if (!hasTokenFillFactor(c, t.tokens())) {
                s.execute("ALTER TABLE " + t.tokens() + " SET (fillfactor = " + TOKEN_FILLFACTOR + ")");
                LOG.info("Set fillfactor = {} on {} (created by an earlier version): new pages get the room",
                        TOKEN_FILLFACTOR, t.tokens());
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean hasTokenFillFactor(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_class WHERE oid = to_regclass(?)"
                                                       + " AND ? = ANY (reloptions)")) {
            ps.setString(1, table);
            ps.setString(2, "fillfactor=" + TOKEN_FILLFACTOR);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
