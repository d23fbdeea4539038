package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.jdbc.SqlErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelmessenger.otn.store.OtnJdbc.inTransaction;
import static io.github.camelmessenger.otn.store.OtnJdbc.instant;
import static io.github.camelmessenger.otn.store.OtnJdbc.setInstant;

/**
 * Tokens in a {@link JdbcOtnStore} (table {@code <prefix>otn_token}): storing opt-ins, one by one or in JDBC
 * batches, reading them, and the outcomes of claimed tokens (consume, retire, release) by owner. Storing is
 * idempotent on the token value; an outcome changes a token only while its owner holds it.
 */
final class JdbcTokens {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTokens.class);
    static final int CHUNK = 500;
    private static final int ANALYZE_AFTER = 1000;
    /** Token columns, in the order {@link #storedToken} reads them. */
    private static final String TOKEN_COLUMNS = "token, page_id, psid, topic, payload, created_at, expires_at, status, "
                                                + "claim_owner, lease_until, status_reason, updated_at";
    private static final String HELD_BY = " WHERE token = ? AND claim_owner = ? AND status IN ('CLAIMED', 'VALID')";

    private final OtnJdbc jdbc;
    private final OtnTables t;
    private final JdbcContacts contacts;
    private volatile long lastAnalyze;

    JdbcTokens(OtnJdbc jdbc, OtnTables tables, JdbcContacts contacts) {
        this.jdbc = jdbc;
        this.t = tables;
        this.contacts = contacts;
    }

    boolean storeToken(OtnToken token) {
        Objects.requireNonNull(token, "token");
        Instant now = jdbc.now();
        return jdbc.call("store token " + token.fingerprint(), List.of(token.token()), c -> {
            contacts.ensureContact(c, token.pageId(), token.psid(), now);
            try (PreparedStatement ps = c.prepareStatement(insertToken())) {
                bindToken(ps, token, now);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (SqlErrors.isDuplicateKey(e)) {
                    return false; // stored concurrently by another caller
                }
                throw e;
            }
        });
    }

    int storeTokens(Collection<OtnToken> batch) {
        List<OtnToken> all = List.copyOf(batch);
        int stored = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            stored += storeChunk(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        if (t.postgres() && stored >= ANALYZE_AFTER) {
            analyzeAfterBulkLoad();
        }
        return stored;
    }

    /**
     * A table filled in bulk right after its creation has no statistics until autovacuum comes by (up to a minute);
     * claims planned meanwhile can be far slower. At most once a minute per store.
     */
    private void analyzeAfterBulkLoad() {
        long now = System.nanoTime();
        long last = lastAnalyze;
        if (last != 0 && now - last < TimeUnit.MINUTES.toNanos(1)) {
            return;
        }
        lastAnalyze = now;
        try (Connection c = jdbc.dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("ANALYZE " + t.tokens());
            st.execute("ANALYZE " + t.contacts());
        } catch (SQLException e) {
            LOG.debug("ANALYZE after a bulk load failed (autovacuum will do it): {}", e.getMessage());
        }
    }

    private int storeChunk(List<OtnToken> chunk) {
        Instant now = jdbc.now();
        List<String> secrets = chunk.stream().map(OtnToken::token).toList();
        try {
            return jdbc.call("store " + chunk.size() + " tokens", secrets, c -> inTransaction(c, () -> {
                Set<ContactKey> holders = new LinkedHashSet<>();
                chunk.forEach(token -> holders.add(new ContactKey(token.pageId(), token.psid())));
                try (PreparedStatement ps = c.prepareStatement(contacts.insertContact())) {
                    for (ContactKey k : holders) {
                        contacts.bindContact(ps, k.pageId(), k.psid(), now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(insertToken())) {
                    for (OtnToken token : chunk) {
                        bindToken(ps, token, now);
                        ps.addBatch();
                    }
                    int stored = 0;
                    for (int n : ps.executeBatch()) {
                        // a driver that rewrites batches reports SUCCESS_NO_INFO: counted as stored
                        stored += n == Statement.SUCCESS_NO_INFO ? 1 : n;
                    }
                    return stored;
                }
            }));
        } catch (OtnStoreException e) {
            if (!(e.getCause() instanceof SQLException cause && SqlErrors.isDuplicateKey(cause))) {
                throw e;
            }
            // a concurrent writer stored some of these meanwhile (standard SQL only): one by one instead
            int stored = 0;
            for (OtnToken token : chunk) {
                stored += storeToken(token) ? 1 : 0;
            }
            return stored;
        }
    }

    /** Params: token, page_id, psid, topic, payload, created_at, expires_at, updated_at[, token]. */
    private String insertToken() {
        String columns = "token, page_id, psid, topic, payload, created_at, expires_at, status, updated_at";
        return t.postgres()
                ? "INSERT INTO " + t.tokens() + " (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, 'VALID', ?)"
                  + " ON CONFLICT (token) DO NOTHING"
                : "INSERT INTO " + t.tokens() + " (" + columns + ") SELECT ?, ?, ?, ?, ?, ?, ?, 'VALID', ?"
                  + " WHERE NOT EXISTS (SELECT 1 FROM " + t.tokens() + " WHERE token = ?)";
    }

    private void bindToken(PreparedStatement ps, OtnToken token, Instant now) throws SQLException {
        ps.setString(1, token.token());
        ps.setString(2, token.pageId());
        ps.setString(3, token.psid());
        ps.setString(4, token.topic());
        ps.setString(5, token.payload());
        setInstant(ps, 6, token.createdAt());
        setInstant(ps, 7, token.expiresAt());
        setInstant(ps, 8, now);
        if (!t.postgres()) {
            ps.setString(9, token.token());
        }
    }

    Optional<StoredToken> findToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        return jdbc.call("find token " + OtnToken.fingerprint(token), List.of(token), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM " + t.tokens()
                                                           + " WHERE token = ?")) {
                ps.setString(1, token);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedToken(rs)) : Optional.<StoredToken> empty();
                }
            }
        });
    }

    private static StoredToken storedToken(ResultSet rs) throws SQLException {
        OtnToken token = new OtnToken(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(1),
                rs.getString(5), instant(rs, 6), instant(rs, 7));
        return new StoredToken(token, TokenStatus.valueOf(rs.getString(8)), rs.getString(9), instant(rs, 10),
                rs.getString(11), instant(rs, 12));
    }

    long countTokens(String topic, TokenStatus status) {
        Objects.requireNonNull(status, "status");
        return jdbc.call("count tokens of topic " + topic, List.of(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.tokens()
                                                           + " WHERE topic = ? AND status = ?")) {
                ps.setString(1, topic);
                ps.setString(2, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    Map<String, Integer> validTokens(String pageId, String psid) {
        Instant now = jdbc.now();
        return jdbc.call("list valid tokens", List.of(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT topic, COUNT(*) FROM " + t.tokens()
                    + " WHERE page_id = ? AND psid = ? AND status IN ('VALID', 'CLAIMED') AND expires_at > ?"
                    + " GROUP BY topic ORDER BY topic")) {
                ps.setString(1, pageId);
                ps.setString(2, psid);
                setInstant(ps, 3, now);
                Map<String, Integer> counts = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return counts;
            }
        });
    }

    int revoke(String pageId, String psid, String topic) {
        Instant now = jdbc.now();
        return jdbc.call("revoke tokens of topic " + topic, List.of(), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.tokens() + " SET status = 'RETIRED',"
                    + " status_reason = 'revoked', claim_owner = NULL, lease_until = NULL, updated_at = ?"
                    + " WHERE page_id = ? AND psid = ? AND topic = ? AND status = 'VALID'")) {
                setInstant(ps, 1, now);
                ps.setString(2, pageId);
                ps.setString(3, psid);
                ps.setString(4, topic);
                return ps.executeUpdate();
            }
        });
    }

    // ---------------------------------------------------------------- outcomes

    /** Consumes, retires or releases one token its owner holds: at most one row changes. */
    boolean finish(String token, String owner, TokenStatus to, String reason) {
        if (token == null || owner == null) {
            return false;
        }
        Instant now = jdbc.now();
        String fingerprint = OtnToken.fingerprint(token);
        boolean done = jdbc.call("mark token " + fingerprint + " " + to, List.of(token), c -> {
            try (PreparedStatement ps = c.prepareStatement(outcome(to))) {
                int i = 1;
                if (to == TokenStatus.RETIRED) {
                    ps.setString(i++, reason);
                }
                setInstant(ps, i++, now);
                ps.setString(i++, token);
                ps.setString(i, owner);
                return ps.executeUpdate() == 1;
            }
        });
        if (!done) {
            LOG.warn("Cannot mark token {} {}: not held by {}", fingerprint, to, owner);
        }
        return done;
    }

    /** Params: [reason,] updated_at, token, owner. */
    private String outcome(TokenStatus to) {
        return switch (to) {
            case CONSUMED -> "UPDATE " + t.tokens() + " SET status = 'CONSUMED', lease_until = NULL, updated_at = ?"
                             + HELD_BY;
            case RETIRED -> "UPDATE " + t.tokens() + " SET status = 'RETIRED', status_reason = ?, lease_until = NULL,"
                            + " updated_at = ?" + HELD_BY;
            default -> "UPDATE " + t.tokens() + " SET status = 'VALID', claim_owner = NULL, lease_until = NULL,"
                       + " status_reason = NULL, updated_at = ?" + HELD_BY;
        };
    }

    /**
     * Consumes or releases many tokens of one owner: per chunk one JDBC batch in one transaction, rows in token order
     * (concurrent batches lock in one order); on PostgreSQL one statement per chunk.
     */
    int finishAll(Collection<String> tokens, String owner, TokenStatus to) {
        if (owner == null) {
            return 0;
        }
        List<String> all = tokens.stream().filter(Objects::nonNull).distinct().sorted().toList();
        int done = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            done += t.postgres() ? finishAllAtOnce(chunk, owner, to) : finishBatch(chunk, owner, to);
        }
        return done;
    }

    private int finishBatch(List<String> chunk, String owner, TokenStatus to) {
        Instant now = jdbc.now();
        int[] counts = jdbc.call("mark " + chunk.size() + " tokens " + to, chunk, c -> inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement(outcome(to))) {
                for (String token : chunk) {
                    setInstant(ps, 1, now);
                    ps.setString(2, token);
                    ps.setString(3, owner);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        }));
        int done = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO) {
                done++;
            } else {
                LOG.warn("Cannot mark token {} {}: not held by {}", OtnToken.fingerprint(chunk.get(i)), to, owner);
            }
        }
        return done;
    }

    /** Extends live claims of one owner, per chunk one JDBC batch in one transaction (rows in token order). */
    int renewAll(Collection<String> tokens, String owner, Duration lease) {
        if (owner == null) {
            return 0;
        }
        List<String> all = tokens.stream().filter(Objects::nonNull).distinct().sorted().toList();
        int done = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            Instant now = jdbc.now();
            Instant until = StoreArgs.millis(now.plus(lease));
            int[] counts = jdbc.call("renew " + chunk.size() + " claims", chunk, c -> inTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.tokens() + " SET lease_until = ?"
                        + " WHERE token = ? AND claim_owner = ? AND status = 'CLAIMED' AND lease_until >= ?")) {
                    for (String token : chunk) {
                        setInstant(ps, 1, until);
                        ps.setString(2, token);
                        ps.setString(3, owner);
                        setInstant(ps, 4, now);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            }));
            for (int count : counts) {
                done += count == 1 || count == Statement.SUCCESS_NO_INFO ? 1 : 0;
            }
        }
        return done;
    }

    /** PostgreSQL: one statement, one index probe per token. */
    private int finishAllAtOnce(List<String> chunk, String owner, TokenStatus to) {
        Instant now = jdbc.now();
        String set = to == TokenStatus.CONSUMED ? "status = 'CONSUMED', lease_until = NULL"
                : "status = 'VALID', claim_owner = NULL, lease_until = NULL, status_reason = NULL";
        Set<String> changed = jdbc.call("mark " + chunk.size() + " tokens " + to, chunk, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.tokens() + " SET " + set + ", updated_at = ?"
                    + " WHERE token = ANY (?) AND claim_owner = ? AND status IN ('CLAIMED', 'VALID') RETURNING token")) {
                setInstant(ps, 1, now);
                ps.setArray(2, c.createArrayOf("varchar", chunk.toArray()));
                ps.setString(3, owner);
                Set<String> tokens = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tokens.add(rs.getString(1));
                    }
                }
                return tokens;
            }
        });
        for (String token : chunk) {
            if (!changed.contains(token)) {
                LOG.warn("Cannot mark token {} {}: not held by {}", OtnToken.fingerprint(token), to, owner);
            }
        }
        return changed.size();
    }
}
