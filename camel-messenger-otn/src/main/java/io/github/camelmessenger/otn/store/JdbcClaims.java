package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelmessenger.jdbc.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelmessenger.otn.store.OtnJdbc.inTransaction;
import static io.github.camelmessenger.otn.store.OtnJdbc.instant;
import static io.github.camelmessenger.otn.store.OtnJdbc.setInstant;

/**
 * Claims of a {@link JdbcOtnStore}: which tokens of a topic a caller gets, exactly once across nodes. On PostgreSQL
 * one {@code UPDATE} over a {@code SELECT ... FOR UPDATE SKIP LOCKED}, so concurrent claimers take different rows
 * without waiting, and a batch can be held by row locks alone ({@link LockedTokenBatch}); elsewhere (H2) claims of a
 * topic are serialized by a row lock on the topic's lock row, and each claimed row is re-checked by its
 * {@code UPDATE}. The one-token-per-holder rule is part of the claim query (a holder's oldest VALID token only, none
 * while another of its tokens is under a live claim).
 */
final class JdbcClaims {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcClaims.class);
    private static final int CLAIM_ATTEMPTS = 5;
    private static final String OPT_IN_COLUMNS = "c.token, c.page_id, c.psid, c.topic, c.payload, c.created_at, "
                                                 + "c.expires_at";

    private final OtnJdbc jdbc;
    private final OtnTables t;
    private final JdbcContacts contacts;

    JdbcClaims(OtnJdbc jdbc, OtnTables tables, JdbcContacts contacts) {
        this.jdbc = jdbc;
        this.t = tables;
        this.contacts = contacts;
    }

    List<ClaimedToken> claim(String topic, Instant handledSince, int max, String owner, Duration lease) {
        Instant since = checkClaim(topic, handledSince, max, owner, lease);
        for (int attempt = 1;; attempt++) {
            Instant now = jdbc.now();
            Instant leaseUntil = StoreArgs.millis(now.plus(lease));
            try {
                List<ClaimedToken> claimed = jdbc.withConnection(c -> {
                    housekeeping(c, topic, now);
                    List<OtnToken> tokens = t.postgres()
                            ? claimSkipLocked(c, topic, since, max, owner, leaseUntil, now)
                            : claimUnderLock(c, topic, since, max, owner, leaseUntil, now);
                    return withAttributes(c, tokens, owner, leaseUntil);
                });
                LOG.debug("Claimed {} token(s) of topic {} for {}", claimed.size(), topic, owner);
                return claimed;
            } catch (SQLException e) {
                retryOrThrow(e, attempt, topic, owner);
            }
        }
    }

    /**
     * PostgreSQL: the batch's rows are locked ({@code FOR UPDATE SKIP LOCKED}) in a transaction that stays open until
     * {@link TokenBatch#finish}, so the claim itself writes nothing; PostgreSQL ends the transaction if it sits idle
     * for longer than the lease.
     */
    TokenBatch claimLockedBatch(String topic, Instant handledSince, ClaimedToken after, int max, String owner,
                                Duration lease) {
        Instant since = checkClaim(topic, handledSince, max, owner, lease);
        for (int attempt = 1;; attempt++) {
            Instant now = jdbc.now();
            Connection c = null;
            boolean handedOver = false;
            try {
                c = jdbc.dataSource.getConnection();
                c.setAutoCommit(true);
                if (after == null) {
                    // once per run, not per batch: without a status-led index it reads the whole topic
                    housekeeping(c, topic, now);
                }
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL idle_in_transaction_session_timeout = " + Math.max(1, lease.toMillis()));
                }
                List<OtnToken> locked = new ArrayList<>(max);
                try (PreparedStatement ps = c.prepareStatement(candidates(OPT_IN_COLUMNS, since != null, after != null)
                                                               + " FOR UPDATE OF c SKIP LOCKED")) {
                    bindCandidates(ps, topic, after, since, max, now);
                    readOptIns(ps, locked);
                }
                if (locked.isEmpty()) {
                    c.commit();
                    return new LockedTokenBatch(jdbc, t, owner, List.of(), null);
                }
                List<ClaimedToken> claimed = withAttributes(c, locked, owner, StoreArgs.millis(now.plus(lease)));
                LOG.debug("Locked {} token(s) of topic {} for {}", claimed.size(), topic, owner);
                handedOver = true;
                return new LockedTokenBatch(jdbc, t, owner, claimed, c);
            } catch (SQLException e) {
                retryOrThrow(e, attempt, topic, owner);
            } finally {
                if (c != null && !handedOver) {
                    LockedTokenBatch.closeQuietly(c);
                }
            }
        }
    }

    /**
     * One holder's oldest claimable token of a topic: VALID (or CLAIMED with a lapsed lease), unexpired, none of the
     * holder's other tokens of the topic under a live claim. The UPDATE re-checks the status, so of two concurrent
     * callers one gets the token.
     */
    Optional<ClaimedToken> claimHolder(String pageId, String psid, String topic, String owner,
                                                 Duration lease) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        StoreArgs.text("owner", owner, StoreArgs.OWNER_MAX);
        StoreArgs.lease(lease);
        ContactKey holder = new ContactKey(pageId, psid);
        Instant now = jdbc.now();
        Instant leaseUntil = StoreArgs.millis(now.plus(lease));
        String claimable = "(status = 'VALID' OR (status = 'CLAIMED' AND lease_until < ?))";
        try {
            return jdbc.withConnection(c -> {
                List<OtnToken> candidates = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + OPT_IN_COLUMNS + " FROM " + t.tokens() + " c"
                        + " WHERE c.page_id = ? AND c.psid = ? AND c.topic = ? AND c.expires_at > ? AND "
                        + claimable.replace("status", "c.status").replace("lease_until", "c.lease_until")
                        + " AND NOT EXISTS (SELECT 1 FROM " + t.tokens() + " o WHERE o.page_id = c.page_id"
                        + " AND o.psid = c.psid AND o.topic = c.topic AND o.token <> c.token"
                        + " AND o.status = 'CLAIMED' AND o.lease_until >= ?)"
                        + " ORDER BY c.created_at, c.token FETCH FIRST 1 ROWS ONLY")) {
                    ps.setString(1, holder.pageId());
                    ps.setString(2, holder.psid());
                    ps.setString(3, topic);
                    setInstant(ps, 4, now);
                    setInstant(ps, 5, now);
                    setInstant(ps, 6, now);
                    readOptIns(ps, candidates);
                }
                if (candidates.isEmpty()) {
                    return Optional.<ClaimedToken>empty();
                }
                OtnToken token = candidates.get(0);
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.tokens() + " SET status = 'CLAIMED',"
                        + " claim_owner = ?, lease_until = ?, status_reason = NULL, updated_at = ? WHERE token = ? AND "
                        + claimable)) {
                    ps.setString(1, owner);
                    setInstant(ps, 2, leaseUntil);
                    setInstant(ps, 3, now);
                    ps.setString(4, token.token());
                    setInstant(ps, 5, now);
                    if (ps.executeUpdate() != 1) {
                        return Optional.<ClaimedToken>empty(); // another caller claimed it just now
                    }
                }
                return Optional.of(withAttributes(c, List.of(token), owner, leaseUntil).get(0));
            });
        } catch (SQLException e) {
            throw new OtnStoreException("Cannot claim the token of topic " + topic + " for " + owner + ": "
                                        + e.getMessage(), e);
        }
    }

    private static Instant checkClaim(String topic, Instant handledSince, int max, String owner, Duration lease) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        StoreArgs.batchSize("max", max);
        StoreArgs.text("owner", owner, StoreArgs.OWNER_MAX);
        StoreArgs.lease(lease);
        return StoreArgs.millis(handledSince);
    }

    /** Contention is worth a few more tries after a short pause; anything else fails the claim. */
    private static void retryOrThrow(SQLException e, int attempt, String topic, String owner) {
        if (attempt >= CLAIM_ATTEMPTS || !SqlErrors.isContention(e)) {
            throw new OtnStoreException("Cannot claim tokens of topic " + topic + " for " + owner + ": "
                                        + e.getMessage(), e);
        }
        LOG.debug("Claim of topic {} met contention (attempt {}): {}", topic, attempt, e.getMessage());
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new OtnStoreException("Interrupted while retrying a claim", interrupted);
        }
    }

    /** Lapsed leases back to VALID, expired VALID tokens retired. */
    private void housekeeping(Connection c, String topic, Instant now) throws SQLException {
        int lapsed = topicUpdate(c, "UPDATE " + t.tokens() + " SET status = 'VALID', lease_until = NULL, updated_at = ?"
                                    + " WHERE topic = ? AND status = 'CLAIMED' AND lease_until < ?", topic, now);
        int expired = topicUpdate(c, "UPDATE " + t.tokens() + " SET status = 'RETIRED', status_reason = 'expired',"
                                     + " claim_owner = NULL, lease_until = NULL, updated_at = ? WHERE topic = ?"
                                     + " AND status = 'VALID' AND expires_at <= ?", topic, now);
        if (lapsed > 0 || expired > 0) {
            LOG.info("Topic {}: {} lapsed claim(s) back to VALID, {} expired token(s) retired", topic, lapsed, expired);
        }
    }

    /** Params: updated_at, topic, now. */
    private static int topicUpdate(Connection c, String update, String topic, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(update)) {
            setInstant(ps, 1, now);
            ps.setString(2, topic);
            setInstant(ps, 3, now);
            return ps.executeUpdate();
        }
    }

    /**
     * The claimable tokens of a topic, oldest first, at most one per holder: each holder's oldest VALID unexpired
     * token, unless the holder has a token under a live claim or (with {@code handledSince}) one consumed or retired
     * by a claim owner since then; with {@code after}, only tokens after that claim position. Params: see
     * {@link #bindCandidates}.
     */
    private String candidates(String select, boolean handledSince, boolean after) {
        return "SELECT " + select + " FROM " + t.tokens() + " c"
               + " WHERE c.topic = ? AND c.status = 'VALID' AND c.expires_at > ?"
               + (after ? " AND (c.created_at, c.token) > (?, ?)" : "")
               + " AND NOT EXISTS (SELECT 1 FROM " + t.tokens() + " o"
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

    /** Params of the candidate query: topic, now, [after created_at, after token], now, now, [since], max. */
    private static int bindCandidates(PreparedStatement ps, String topic, ClaimedToken after, Instant since, int max,
                                      Instant now) throws SQLException {
        int i = 1;
        ps.setString(i++, topic);
        setInstant(ps, i++, now);
        if (after != null) {
            setInstant(ps, i++, after.token().createdAt());
            ps.setString(i++, after.tokenValue());
        }
        setInstant(ps, i++, now);
        setInstant(ps, i++, now);
        if (since != null) {
            setInstant(ps, i++, since);
        }
        ps.setInt(i++, max);
        return i;
    }

    /**
     * PostgreSQL: one statement. Rows locked by a concurrent claim are skipped, not waited for; a row another claim
     * changed and committed meanwhile is re-checked against the candidate conditions when locked, and the lock keeps
     * it ours until the UPDATE. {@code = ANY (ARRAY(...))} makes the UPDATE a primary-key lookup whatever the
     * statistics.
     */
    private List<OtnToken> claimSkipLocked(Connection c, String topic, Instant since, int max, String owner,
                                           Instant leaseUntil, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("WITH picked AS MATERIALIZED ("
                + candidates("c.token", since != null, false) + " FOR UPDATE OF c SKIP LOCKED)"
                + " UPDATE " + t.tokens() + " SET status = 'CLAIMED', claim_owner = ?, lease_until = ?,"
                + " status_reason = NULL, updated_at = ? WHERE token = ANY (ARRAY(SELECT token FROM picked))"
                + " RETURNING token, page_id, psid, topic, payload, created_at, expires_at")) {
            int i = bindCandidates(ps, topic, null, since, max, now);
            ps.setString(i++, owner);
            setInstant(ps, i++, leaseUntil);
            setInstant(ps, i, now);
            List<OtnToken> claimed = new ArrayList<>();
            readOptIns(ps, claimed);
            return claimed;
        }
    }

    /** Standard SQL: the topic's lock row serializes claims; each candidate's UPDATE re-checks it is still VALID. */
    private List<OtnToken> claimUnderLock(Connection c, String topic, Instant since, int max, String owner,
                                          Instant leaseUntil, Instant now) throws SQLException {
        try {
            OtnJdbc.update(c, "INSERT INTO " + t.claimLocks() + " (topic) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM "
                              + t.claimLocks() + " WHERE topic = ?)", topic, topic);
        } catch (SQLException e) {
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
        return inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT topic FROM " + t.claimLocks()
                                                           + " WHERE topic = ? FOR UPDATE")) {
                ps.setString(1, topic);
                ps.executeQuery().close();
            }
            List<OtnToken> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(candidates(OPT_IN_COLUMNS, since != null, false))) {
                bindCandidates(ps, topic, null, since, max, now);
                readOptIns(ps, candidates);
            }
            if (candidates.isEmpty()) {
                return candidates;
            }
            List<OtnToken> claimed = new ArrayList<>(candidates.size());
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.tokens() + " SET status = 'CLAIMED',"
                    + " claim_owner = ?, lease_until = ?, status_reason = NULL, updated_at = ?"
                    + " WHERE token = ? AND status = 'VALID'")) {
                for (OtnToken token : candidates) {
                    ps.setString(1, owner);
                    setInstant(ps, 2, leaseUntil);
                    setInstant(ps, 3, now);
                    ps.setString(4, token.token());
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    // 0: finished by its slow owner since the select (the UPDATE re-checks status = 'VALID')
                    if (counts[i] != 0) {
                        claimed.add(candidates.get(i));
                    }
                }
            }
            return claimed;
        });
    }

    /** Reads rows of {@link #OPT_IN_COLUMNS} (or the same columns returned by an UPDATE). */
    private static void readOptIns(PreparedStatement ps, List<OtnToken> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(new OtnToken(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(1),
                        rs.getString(5), instant(rs, 6), instant(rs, 7)));
            }
        }
    }

    private List<ClaimedToken> withAttributes(Connection c, List<OtnToken> tokens, String owner, Instant leaseUntil)
            throws SQLException {
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<ContactKey> holders = tokens.stream().map(token -> new ContactKey(token.pageId(), token.psid())).toList();
        Map<ContactKey, Map<String, String>> attributes = contacts.attributesOf(c, holders);
        List<ClaimedToken> claimed = new ArrayList<>(tokens.size());
        for (OtnToken token : tokens) {
            claimed.add(new ClaimedToken(token, owner, leaseUntil,
                    attributes.getOrDefault(new ContactKey(token.pageId(), token.psid()), Map.of())));
        }
        claimed.sort(ClaimedToken.CLAIM_ORDER);
        return claimed;
    }
}
