package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The tables and indexes of a {@link JdbcOtnStore}, created at start if missing. */
final class OtnSchema {

    private static final Logger LOG = LoggerFactory.getLogger(OtnSchema.class);

    /**
     * PostgreSQL: half of each token page stays free, so that a batch can update every row of a page in one
     * transaction and each new row version still fits in the same page (a HOT update). A claimed batch holds tokens
     * that were stored one after another, so it covers whole pages.
     */
    static final int TOKEN_FILLFACTOR = 50;

    private OtnSchema() {
    }

    static void ensure(Connection c, OtnTables t) throws SQLException {
        try {
            runDdl(c, schema(t));
        } catch (SQLException e) {
            // two nodes creating the tables at once: one of them loses a race inside IF NOT EXISTS; by now they exist
            LOG.debug("Creating the OTN schema failed once, retrying: {}", e.getMessage());
            runDdl(c, schema(t));
        }
    }

    private static void runDdl(Connection c, List<String> ddl) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
    }

    private static List<String> schema(OtnTables t) {
        boolean postgres = t.postgres();
        String contacts = t.contacts();
        String attributes = t.attributes();
        String tokens = t.tokens();
        String claimLocks = t.claimLocks();
        // "C" collation on PostgreSQL: key order equals Java's String order (and the in-memory store's)
        String key = postgres ? " COLLATE \"C\"" : "";
        String ts = "TIMESTAMP WITH TIME ZONE";
        List<String> ddl = new ArrayList<>(List.of(
                "CREATE TABLE IF NOT EXISTS " + contacts + " (page_id VARCHAR(" + StoreArgs.ID_MAX + ")" + key
                + " NOT NULL, psid VARCHAR(" + StoreArgs.ID_MAX + ")" + key + " NOT NULL, last_inbound " + ts
                + ", created_at " + ts + " NOT NULL, updated_at " + ts + " NOT NULL, PRIMARY KEY (page_id, psid))",
                "CREATE TABLE IF NOT EXISTS " + attributes + " (page_id VARCHAR(" + StoreArgs.ID_MAX + ")" + key
                + " NOT NULL, psid VARCHAR(" + StoreArgs.ID_MAX + ")" + key + " NOT NULL, attr_name VARCHAR("
                + StoreArgs.ATTRIBUTE_NAME_MAX + ")" + key + " NOT NULL, attr_value VARCHAR("
                + StoreArgs.ATTRIBUTE_VALUE_MAX + ") NOT NULL, PRIMARY KEY (page_id, psid, attr_name))",
                "CREATE TABLE IF NOT EXISTS " + tokens + " (token VARCHAR(" + StoreArgs.TOKEN_MAX + ")" + key
                + " NOT NULL PRIMARY KEY, page_id VARCHAR(" + StoreArgs.ID_MAX + ")" + key + " NOT NULL, psid VARCHAR("
                + StoreArgs.ID_MAX + ")" + key + " NOT NULL, topic VARCHAR(" + StoreArgs.TOPIC_MAX + ")" + key
                + " NOT NULL, payload VARCHAR(" + StoreArgs.PAYLOAD_MAX + "), created_at " + ts
                + " NOT NULL, expires_at " + ts + " NOT NULL, status VARCHAR(16) NOT NULL, claim_owner VARCHAR("
                + StoreArgs.OWNER_MAX + "), lease_until " + ts + ", status_reason VARCHAR(" + StoreArgs.REASON_MAX
                + "), updated_at " + ts + " NOT NULL)" + (postgres ? " WITH (fillfactor = " + TOKEN_FILLFACTOR + ")" : ""),
                // the one-per-holder rule and the contact listings
                "CREATE INDEX IF NOT EXISTS " + tokens + "_holder ON " + tokens + " (page_id, psid, topic)"));
        if (postgres) {
            // No index holds a column that a claim or its outcome changes (status, owner, lease, reason, time), so
            // those updates are HOT: a new row version in the same page, no new index entries. The claim scan
            // checks the status in the row; it starts after the run's cursor, so a run reads a topic's used tokens
            // once at most.
            ddl.addAll(List.of(
                    // claims: a topic's tokens in claim order, read without sorting; also the housekeeping scan
                    "CREATE INDEX IF NOT EXISTS " + tokens + "_claim_order ON " + tokens + " (topic, created_at, token)",
                    // tables created with the status-led indexes below: those make every update a full one
                    "DROP INDEX IF EXISTS " + tokens + "_queue",
                    "DROP INDEX IF EXISTS " + tokens + "_expiry",
                    // tables created before: new pages get the room
                    "ALTER TABLE " + tokens + " SET (fillfactor = " + TOKEN_FILLFACTOR + ")"));
        } else {
            // Status leads both topic indexes: a claim or a housekeeping update reads only the tokens of one status.
            // The one-per-holder subquery filters statuses with OR, so only the holder index matches it.
            ddl.addAll(List.of(
                    "CREATE INDEX IF NOT EXISTS " + tokens + "_queue ON " + tokens + " (status, topic, created_at, token)",
                    "CREATE INDEX IF NOT EXISTS " + tokens + "_expiry ON " + tokens + " (status, topic, expires_at)",
                    "CREATE TABLE IF NOT EXISTS " + claimLocks + " (topic VARCHAR(" + StoreArgs.TOPIC_MAX
                    + ") NOT NULL PRIMARY KEY)"));
        }
        return ddl;
    }
}
