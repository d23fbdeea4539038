package io.github.camelmessenger.otn.store;

import java.util.List;
import java.util.StringJoiner;

/**
 * The SQL of {@link JdbcOtnStore} for one table prefix: PostgreSQL (upserts with {@code ON CONFLICT}, claims with
 * {@code FOR UPDATE SKIP LOCKED}) or standard SQL for H2 (insert-if-absent, claims serialized by a lock row).
 */
final class JdbcOtnSql {

    final boolean postgres;
    final String contacts;
    final String attributes;
    final String tokens;
    final String claimLocks;

    /**
     * PostgreSQL: half of each token page stays free, so that a batch can update every row of a page in one
     * transaction and each new row version still fits in the same page (a HOT update). A claimed batch holds tokens
     * that were stored one after another, so it covers whole pages.
     */
    static final int TOKEN_FILLFACTOR = 50;

    /** Token columns, in the order {@link JdbcOtnStore} reads them. */
    static final String TOKEN_COLUMNS = "token, page_id, psid, topic, payload, created_at, expires_at, status, "
                                        + "claim_owner, lease_until, status_reason, updated_at";
    private static final String CONTACT_COLUMNS = "c.page_id, c.psid, c.last_inbound, c.created_at, c.updated_at";

    JdbcOtnSql(String prefix, boolean postgres) {
        this.postgres = postgres;
        this.contacts = prefix + "otn_contact";
        this.attributes = prefix + "otn_attribute";
        this.tokens = prefix + "otn_token";
        this.claimLocks = prefix + "otn_claim_lock";
    }

    // ---------------------------------------------------------------- schema

    List<String> schema() {
        // "C" collation on PostgreSQL: key order equals Java's String order (and the in-memory store's)
        String key = postgres ? " COLLATE \"C\"" : "";
        String ts = "TIMESTAMP WITH TIME ZONE";
        List<String> ddl = new java.util.ArrayList<>(List.of(
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

    List<String> tables() {
        return postgres ? List.of(contacts, attributes, tokens) : List.of(contacts, attributes, tokens, claimLocks);
    }

    // ---------------------------------------------------------------- tokens

    String insertToken() {
        String columns = "token, page_id, psid, topic, payload, created_at, expires_at, status, updated_at";
        return postgres
                ? "INSERT INTO " + tokens + " (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, 'VALID', ?)"
                  + " ON CONFLICT (token) DO NOTHING"
                : "INSERT INTO " + tokens + " (" + columns + ") SELECT ?, ?, ?, ?, ?, ?, ?, 'VALID', ?"
                  + " WHERE NOT EXISTS (SELECT 1 FROM " + tokens + " WHERE token = ?)";
    }

    String findToken() {
        return "SELECT " + TOKEN_COLUMNS + " FROM " + tokens + " WHERE token = ?";
    }

    String countTokens() {
        return "SELECT COUNT(*) FROM " + tokens + " WHERE topic = ? AND status = ?";
    }

    /** Params: updated_at, topic, now. */
    String releaseLapsedLeases() {
        return "UPDATE " + tokens + " SET status = 'VALID', lease_until = NULL, updated_at = ?"
               + " WHERE topic = ? AND status = 'CLAIMED' AND lease_until < ?";
    }

    /** Params: updated_at, topic, now. */
    String retireExpired() {
        return "UPDATE " + tokens + " SET status = 'RETIRED', status_reason = 'expired', claim_owner = NULL,"
               + " lease_until = NULL, updated_at = ? WHERE topic = ? AND status = 'VALID' AND expires_at <= ?";
    }

    /**
     * The claimable tokens of a topic, oldest first, at most one per holder: each holder's oldest VALID unexpired
     * token, unless the holder has a token under a live claim or (with {@code handledSince}) one consumed or retired
     * by a claim owner since then. Params: topic, now, now, now, [handledSince], max.
     */
    private String candidates(String select, boolean handledSince) {
        return candidates(select, handledSince, false);
    }

    /** As above; with {@code after}, only tokens after a claim position: params topic, now, created_at, token, ... */
    private String candidates(String select, boolean handledSince, boolean after) {
        return "SELECT " + select + " FROM " + tokens + " c"
               + " WHERE c.topic = ? AND c.status = 'VALID' AND c.expires_at > ?"
               + (after ? " AND (c.created_at, c.token) > (?, ?)" : "")
               + " AND NOT EXISTS (SELECT 1 FROM " + tokens + " o"
               // the topic as an expression: only the holder index matches this subquery, whatever the statistics
               // (a topic-wide index scan per candidate would make a claim quadratic)
               + " WHERE o.page_id = c.page_id AND o.psid = c.psid AND o.topic || '' = c.topic AND o.token <> c.token"
               + " AND ("
               + "(o.status = 'VALID' AND o.expires_at > ?"
               + " AND (o.created_at < c.created_at OR (o.created_at = c.created_at AND o.token < c.token)))"
               + " OR (o.status = 'CLAIMED' AND o.lease_until >= ?)"
               + (handledSince
                       ? " OR (o.status IN ('CONSUMED', 'RETIRED') AND o.claim_owner IS NOT NULL AND o.updated_at >= ?)"
                       : "")
               + "))"
               + " ORDER BY c.created_at, c.token FETCH FIRST ? ROWS ONLY";
    }

    /**
     * PostgreSQL: one statement. Rows locked by a concurrent claim are skipped, not waited for; a row another claim
     * changed and committed meanwhile is re-checked against the candidate conditions when locked, and the lock keeps
     * it ours until the UPDATE. {@code = ANY (ARRAY(...))} makes the UPDATE a primary-key lookup whatever the
     * statistics. Params: candidates, then owner, lease_until, updated_at.
     */
    String claimSkipLocked(boolean handledSince) {
        return "WITH picked AS MATERIALIZED (" + candidates("c.token", handledSince) + " FOR UPDATE OF c SKIP LOCKED)"
               + " UPDATE " + tokens + " SET status = 'CLAIMED', claim_owner = ?, lease_until = ?,"
               + " status_reason = NULL, updated_at = ? WHERE token = ANY (ARRAY(SELECT token FROM picked))"
               + " RETURNING token, page_id, psid, topic, payload, created_at, expires_at";
    }

    /**
     * PostgreSQL, in a transaction that holds the batch: locks the candidates (skipping rows other claims hold) without
     * writing them. Params: topic, now, [after created_at, after token], now, now, [handledSince], max.
     */
    String lockCandidates(boolean handledSince, boolean after) {
        return candidates("c.token, c.page_id, c.psid, c.topic, c.payload, c.created_at, c.expires_at", handledSince,
                after) + " FOR UPDATE OF c SKIP LOCKED";
    }

    /** PostgreSQL, a batch's sent tokens. Params: owner, updated_at, token array. */
    String consumeLocked() {
        return "UPDATE " + tokens + " SET status = 'CONSUMED', claim_owner = ?, lease_until = NULL, status_reason = NULL,"
               + " updated_at = ? WHERE token = ANY (?) AND status = 'VALID'";
    }

    /** PostgreSQL, a batch's refused tokens. Params: owner, updated_at, token array, reason array. */
    String retireLocked() {
        return "UPDATE " + tokens + " t SET status = 'RETIRED', claim_owner = ?, lease_until = NULL,"
               + " status_reason = r.reason, updated_at = ? FROM unnest(?::varchar[], ?::varchar[]) AS r(token, reason)"
               + " WHERE t.token = r.token AND t.status = 'VALID'";
    }

    /** PostgreSQL: fresh statistics after a bulk load, so the first claims get the planned index paths. */
    List<String> analyze() {
        return List.of("ANALYZE " + tokens, "ANALYZE " + contacts);
    }

    /** Standard SQL, under the topic's lock row: the candidates with their opt-in columns. */
    String selectCandidates(boolean handledSince) {
        return candidates("c.token, c.page_id, c.psid, c.topic, c.payload, c.created_at, c.expires_at", handledSince);
    }

    /** Standard SQL, per candidate. Params: owner, lease_until, updated_at, token. */
    String claimOne() {
        return "UPDATE " + tokens + " SET status = 'CLAIMED', claim_owner = ?, lease_until = ?, status_reason = NULL,"
               + " updated_at = ? WHERE token = ? AND status = 'VALID'";
    }

    String insertClaimLock() {
        return "INSERT INTO " + claimLocks + " (topic) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM " + claimLocks
               + " WHERE topic = ?)";
    }

    String lockClaims() {
        return "SELECT topic FROM " + claimLocks + " WHERE topic = ? FOR UPDATE";
    }

    private static final String HELD_BY = " WHERE token = ? AND claim_owner = ? AND status IN ('CLAIMED', 'VALID')";

    /** Params: updated_at, token, owner. */
    String consume() {
        return "UPDATE " + tokens + " SET status = 'CONSUMED', lease_until = NULL, updated_at = ?" + HELD_BY;
    }

    /** Params: reason, updated_at, token, owner. */
    String retire() {
        return "UPDATE " + tokens + " SET status = 'RETIRED', status_reason = ?, lease_until = NULL, updated_at = ?"
               + HELD_BY;
    }

    /** Params: updated_at, token, owner. */
    String release() {
        return "UPDATE " + tokens + " SET status = 'VALID', claim_owner = NULL, lease_until = NULL,"
               + " status_reason = NULL, updated_at = ?" + HELD_BY;
    }

    /**
     * PostgreSQL: consume or release many tokens of one owner in one statement (one index probe per token, no
     * per-statement round trip). Params: updated_at, token array, owner. Returns the tokens changed.
     */
    String finishAllAtOnce(boolean consume) {
        String set = consume ? "status = 'CONSUMED', lease_until = NULL"
                : "status = 'VALID', claim_owner = NULL, lease_until = NULL, status_reason = NULL";
        return "UPDATE " + tokens + " SET " + set + ", updated_at = ? WHERE token = ANY (?) AND claim_owner = ?"
               + " AND status IN ('CLAIMED', 'VALID') RETURNING token";
    }

    // ---------------------------------------------------------------- contacts

    /** Params: page_id, psid, created_at, updated_at[, page_id, psid]. */
    String insertContact() {
        String columns = "page_id, psid, created_at, updated_at";
        return postgres
                ? "INSERT INTO " + contacts + " (" + columns + ") VALUES (?, ?, ?, ?) ON CONFLICT (page_id, psid) DO NOTHING"
                : "INSERT INTO " + contacts + " (" + columns + ") SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                  + contacts + " WHERE page_id = ? AND psid = ?)";
    }

    /** Params: updated_at, page_id, psid. */
    String touchContact() {
        return "UPDATE " + contacts + " SET updated_at = ? WHERE page_id = ? AND psid = ?";
    }

    /** Params: last_inbound, updated_at, page_id, psid, last_inbound. */
    String recordInbound() {
        return "UPDATE " + contacts + " SET last_inbound = ?, updated_at = ? WHERE page_id = ? AND psid = ?"
               + " AND (last_inbound IS NULL OR last_inbound < ?)";
    }

    /** PostgreSQL. Params: page_id, psid, name, value. */
    String upsertAttribute() {
        return "INSERT INTO " + attributes + " (page_id, psid, attr_name, attr_value) VALUES (?, ?, ?, ?)"
               + " ON CONFLICT (page_id, psid, attr_name) DO UPDATE SET attr_value = EXCLUDED.attr_value";
    }

    /** Params: value, page_id, psid, name. */
    String updateAttribute() {
        return "UPDATE " + attributes + " SET attr_value = ? WHERE page_id = ? AND psid = ? AND attr_name = ?";
    }

    /** Standard SQL. Params: page_id, psid, name, value, page_id, psid, name. */
    String insertAttribute() {
        return "INSERT INTO " + attributes + " (page_id, psid, attr_name, attr_value) SELECT ?, ?, ?, ?"
               + " WHERE NOT EXISTS (SELECT 1 FROM " + attributes + " WHERE page_id = ? AND psid = ? AND attr_name = ?)";
    }

    /** Params: page_id, psid, name. */
    String deleteAttribute() {
        return "DELETE FROM " + attributes + " WHERE page_id = ? AND psid = ? AND attr_name = ?";
    }

    /** Params: page_id, psid. */
    String attributesOf() {
        return "SELECT attr_name, attr_value FROM " + attributes + " WHERE page_id = ? AND psid = ?";
    }

    /** Params: (page_id, psid) × holders. */
    String attributesOfAll(int holders) {
        StringJoiner in = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < holders; i++) {
            in.add("(?, ?)");
        }
        return "SELECT page_id, psid, attr_name, attr_value FROM " + attributes + " WHERE (page_id, psid) IN " + in;
    }

    /** PostgreSQL. Params: page_id array, psid array (pairwise). */
    String attributesOfHolders() {
        return "SELECT a.page_id, a.psid, a.attr_name, a.attr_value FROM " + attributes + " a"
               + " JOIN unnest(?::varchar[], ?::varchar[]) AS h(page_id, psid)"
               + " ON a.page_id = h.page_id COLLATE \"C\" AND a.psid = h.psid COLLATE \"C\"";
    }

    /** Params: page_id, psid. */
    String findContact() {
        return "SELECT " + CONTACT_COLUMNS + " FROM " + contacts + " c WHERE c.page_id = ? AND c.psid = ?";
    }

    /** Which contacts a listing returns. */
    enum Holding {
        ANY, WITH_TOKEN, WITHOUT_TOKEN
    }

    /** Params: [after page_id, after psid], [topic, now], max. */
    String listContacts(boolean after, Holding holding) {
        StringBuilder sql = new StringBuilder("SELECT ").append(CONTACT_COLUMNS).append(" FROM ").append(contacts)
                .append(" c WHERE 1 = 1");
        if (after) {
            sql.append(" AND (c.page_id, c.psid) > (?, ?)");
        }
        if (holding != Holding.ANY) {
            sql.append(holding == Holding.WITH_TOKEN ? " AND EXISTS" : " AND NOT EXISTS")
                    .append(" (SELECT 1 FROM ").append(tokens).append(" t WHERE t.page_id = c.page_id")
                    .append(" AND t.psid = c.psid AND t.topic = ? AND t.status IN ('VALID', 'CLAIMED')")
                    .append(" AND t.expires_at > ?)");
        }
        return sql.append(" ORDER BY c.page_id, c.psid FETCH FIRST ? ROWS ONLY").toString();
    }
}
