package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import io.github.camelmessenger.MessengerValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OtnStore} over any JDBC {@link DataSource}; tested on H2 (the embedded default) and PostgreSQL.
 * <p>
 * {@link #start()} creates the tables and indexes if missing: {@code <prefix>otn_contact}, {@code <prefix>otn_attribute},
 * {@code <prefix>otn_token} and, except on PostgreSQL, {@code <prefix>otn_claim_lock}. Claims are exactly-once
 * across nodes: on PostgreSQL one {@code UPDATE} over a {@code SELECT ... FOR UPDATE SKIP LOCKED}, so concurrent
 * claimers take different rows without waiting; elsewhere (H2) claims of a topic are serialized by a row lock on the
 * topic's lock row, and each claimed row is re-checked by its {@code UPDATE}. The one-token-per-holder rule is part
 * of the claim query (a holder's oldest VALID token only, none while another of its tokens is under a live claim).
 * <p>
 * The store borrows a connection per operation and never holds one between calls, except for an open
 * {@link #claimBatch} batch on PostgreSQL, whose transaction holds the batch's row locks until it is finished; use a
 * pooled {@code DataSource}.
 * On PostgreSQL, {@link #storeTokens} runs {@code ANALYZE} after a bulk load of 1000 or more new tokens (at most once
 * a minute), so claims right after an import are planned on real statistics.
 */
public final class JdbcOtnStore implements OtnStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOtnStore.class);

    /** Letters, digits and underscores, starting with a letter: the prefix goes into table and index names. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    private static final int INSERT_CHUNK = 500;
    private static final int CLAIM_ATTEMPTS = 5;
    private static final int ANALYZE_AFTER = 1000;

    private final DataSource dataSource;
    private final String tablePrefix;
    private final Clock clock;
    private volatile JdbcOtnSql sql;
    private volatile long lastAnalyze;

    /** A store with tables {@code otn_*}. */
    public JdbcOtnStore(DataSource dataSource) {
        this(dataSource, "", Clock.systemUTC());
    }

    /**
     * @param tablePrefix prepended to every table and index name: empty, or up to 40 letters, digits and underscores
     *                    starting with a letter (e.g. {@code shop_})
     */
    public JdbcOtnStore(DataSource dataSource, String tablePrefix) {
        this(dataSource, tablePrefix, Clock.systemUTC());
    }

    /** As {@link #JdbcOtnStore(DataSource, String)}, reading the time (claims, leases, expiry) from {@code clock}. */
    public JdbcOtnStore(DataSource dataSource, String tablePrefix, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
        if (!this.tablePrefix.isEmpty() && !PREFIX.matcher(this.tablePrefix).matches()) {
            throw new MessengerValidationException("tablePrefix",
                    "empty, or up to 40 letters, digits and underscores starting with a letter", tablePrefix);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    @Override
    public void start() {
        if (sql != null) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgresql");
            if (!postgres && !product.equalsIgnoreCase("H2")) {
                LOG.warn("OTN store on {}: only H2 and PostgreSQL are tested, using standard SQL", product);
            }
            JdbcOtnSql statements = new JdbcOtnSql(tablePrefix, postgres);
            createSchema(c, statements);
            sql = statements;
            LOG.info("OTN store ready on {} (tables {}*)", product, tablePrefix + "otn_");
        } catch (SQLException e) {
            throw new OtnStoreException("Cannot create the OTN tables " + tablePrefix + "otn_*: " + e.getMessage(), e);
        }
    }

    private static void createSchema(Connection c, JdbcOtnSql statements) throws SQLException {
        try {
            runDdl(c, statements);
        } catch (SQLException e) {
            // two nodes creating the tables at once: one of them loses a race inside IF NOT EXISTS; by now they exist
            LOG.debug("Creating the OTN schema failed once, retrying: {}", e.getMessage());
            runDdl(c, statements);
        }
    }

    private static void runDdl(Connection c, JdbcOtnSql statements) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String ddl : statements.schema()) {
                s.execute(ddl);
            }
        }
    }

    @Override
    public void close() {
        sql = null;
    }

    private JdbcOtnSql sql() {
        JdbcOtnSql s = sql;
        if (s == null) {
            throw new IllegalStateException("JdbcOtnStore is not started: call start() first");
        }
        return s;
    }

    // ---------------------------------------------------------------- tokens

    @Override
    public boolean storeToken(OtnToken token) {
        Objects.requireNonNull(token, "token");
        JdbcOtnSql s = sql();
        Instant now = now();
        return call("store token " + token.fingerprint(), List.of(token.token()), c -> {
            ensureContact(c, s, token.pageId(), token.psid(), now);
            try (PreparedStatement ps = c.prepareStatement(s.insertToken())) {
                bindToken(ps, s, token, now);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if (isDuplicateKey(e)) {
                    return false; // stored concurrently by another caller
                }
                throw e;
            }
        });
    }

    @Override
    public int storeTokens(Collection<OtnToken> batch) {
        JdbcOtnSql s = sql();
        List<OtnToken> all = List.copyOf(batch);
        int stored = 0;
        for (int from = 0; from < all.size(); from += INSERT_CHUNK) {
            List<OtnToken> chunk = all.subList(from, Math.min(all.size(), from + INSERT_CHUNK));
            stored += storeChunk(s, chunk);
        }
        if (s.postgres && stored >= ANALYZE_AFTER) {
            analyzeAfterBulkLoad(s);
        }
        return stored;
    }

    /**
     * A table filled in bulk right after its creation has no statistics until autovacuum comes by (up to a minute);
     * claims planned meanwhile can be far slower. At most once a minute per store.
     */
    private void analyzeAfterBulkLoad(JdbcOtnSql s) {
        long now = System.nanoTime();
        long last = lastAnalyze;
        if (last != 0 && now - last < TimeUnit.MINUTES.toNanos(1)) {
            return;
        }
        lastAnalyze = now;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            for (String analyze : s.analyze()) {
                st.execute(analyze);
            }
        } catch (SQLException e) {
            LOG.debug("ANALYZE after a bulk load failed (autovacuum will do it): {}", e.getMessage());
        }
    }

    private int storeChunk(JdbcOtnSql s, List<OtnToken> chunk) {
        Instant now = now();
        List<String> secrets = chunk.stream().map(OtnToken::token).toList();
        try {
            return call("store " + chunk.size() + " tokens", secrets, c -> inTransaction(c, () -> {
                Set<ContactKey> holders = new LinkedHashSet<>();
                chunk.forEach(t -> holders.add(new ContactKey(t.pageId(), t.psid())));
                try (PreparedStatement ps = c.prepareStatement(s.insertContact())) {
                    for (ContactKey k : holders) {
                        bindContact(ps, s, k.pageId(), k.psid(), now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement(s.insertToken())) {
                    for (OtnToken t : chunk) {
                        bindToken(ps, s, t, now);
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
            if (!(e.getCause() instanceof SQLException cause && isDuplicateKey(cause))) {
                throw e;
            }
            // a concurrent writer stored some of these meanwhile (standard SQL only): one by one instead
            int stored = 0;
            for (OtnToken t : chunk) {
                stored += storeToken(t) ? 1 : 0;
            }
            return stored;
        }
    }

    private static void bindToken(PreparedStatement ps, JdbcOtnSql s, OtnToken t, Instant now) throws SQLException {
        ps.setString(1, t.token());
        ps.setString(2, t.pageId());
        ps.setString(3, t.psid());
        ps.setString(4, t.topic());
        ps.setString(5, t.payload());
        setInstant(ps, 6, t.createdAt());
        setInstant(ps, 7, t.expiresAt());
        setInstant(ps, 8, now);
        if (!s.postgres) {
            ps.setString(9, t.token());
        }
    }

    @Override
    public Optional<StoredToken> findToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        JdbcOtnSql s = sql();
        return call("find token " + OtnToken.fingerprint(token), List.of(token), c -> {
            try (PreparedStatement ps = c.prepareStatement(s.findToken())) {
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

    @Override
    public long countTokens(String topic, TokenStatus status) {
        Objects.requireNonNull(status, "status");
        JdbcOtnSql s = sql();
        return call("count tokens of topic " + topic, List.of(), c -> {
            try (PreparedStatement ps = c.prepareStatement(s.countTokens())) {
                ps.setString(1, topic);
                ps.setString(2, status.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    // ---------------------------------------------------------------- broadcast

    @Override
    public List<ClaimedToken> claim(String topic, Instant handledSince, int max, String owner, Duration lease) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        StoreArgs.batchSize("max", max);
        StoreArgs.text("owner", owner, StoreArgs.OWNER_MAX);
        StoreArgs.lease(lease);
        Instant since = StoreArgs.millis(handledSince);
        JdbcOtnSql s = sql();
        for (int attempt = 1;; attempt++) {
            Instant now = now();
            Instant leaseUntil = StoreArgs.millis(now.plus(lease));
            try {
                List<ClaimedToken> claimed = withConnection(c -> {
                    housekeeping(c, s, topic, now);
                    List<OtnToken> tokens = s.postgres
                            ? claimSkipLocked(c, s, topic, since, max, owner, leaseUntil, now)
                            : claimUnderLock(c, s, topic, since, max, owner, leaseUntil, now);
                    return withAttributes(c, s, tokens, owner, leaseUntil);
                });
                LOG.debug("Claimed {} token(s) of topic {} for {}", claimed.size(), topic, owner);
                return claimed;
            } catch (SQLException e) {
                if (attempt >= CLAIM_ATTEMPTS || !isContention(e)) {
                    throw new OtnStoreException("Cannot claim tokens of topic " + topic + " for " + owner + ": "
                                                + e.getMessage(), e);
                }
                LOG.debug("Claim of topic {} met contention (attempt {}): {}", topic, attempt, e.getMessage());
                pause(attempt);
            }
        }
    }

    /**
     * PostgreSQL: the batch's rows are locked ({@code FOR UPDATE SKIP LOCKED}) in a transaction that stays open until
     * {@link TokenBatch#finish}, so the claim itself writes nothing; PostgreSQL ends the transaction if it sits idle
     * for longer than the lease. Elsewhere: the lease claim of {@link #claim}.
     */
    @Override
    public TokenBatch claimBatch(String topic, Instant handledSince, ClaimedToken after, int max, String owner,
                                 Duration lease) {
        JdbcOtnSql s = sql();
        if (!s.postgres) {
            return OtnStore.super.claimBatch(topic, handledSince, after, max, owner, lease);
        }
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        StoreArgs.batchSize("max", max);
        StoreArgs.text("owner", owner, StoreArgs.OWNER_MAX);
        StoreArgs.lease(lease);
        Instant since = StoreArgs.millis(handledSince);
        for (int attempt = 1;; attempt++) {
            Instant now = now();
            Connection c = null;
            boolean handedOver = false;
            try {
                c = dataSource.getConnection();
                c.setAutoCommit(true);
                if (after == null) {
                    // once per run, not per batch: without a status-led index it reads the whole topic
                    housekeeping(c, s, topic, now);
                }
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL idle_in_transaction_session_timeout = " + Math.max(1, lease.toMillis()));
                }
                List<OtnToken> locked = new ArrayList<>(max);
                try (PreparedStatement ps = c.prepareStatement(s.lockCandidates(since != null, after != null))) {
                    bindCandidates(ps, topic, after, since, max, now);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            locked.add(optIn(rs));
                        }
                    }
                }
                if (locked.isEmpty()) {
                    c.commit();
                    return new LockedTokenBatch(dataSource, s, clock, owner, List.of(), null);
                }
                List<ClaimedToken> claimed = withAttributes(c, s, locked, owner,
                        StoreArgs.millis(now.plus(lease)));
                LOG.debug("Locked {} token(s) of topic {} for {}", claimed.size(), topic, owner);
                handedOver = true;
                return new LockedTokenBatch(dataSource, s, clock, owner, claimed, c);
            } catch (SQLException e) {
                if (attempt >= CLAIM_ATTEMPTS || !isContention(e)) {
                    throw new OtnStoreException("Cannot claim tokens of topic " + topic + " for " + owner + ": "
                                                + e.getMessage(), e);
                }
                LOG.debug("Claim of topic {} met contention (attempt {}): {}", topic, attempt, e.getMessage());
                pause(attempt);
            } finally {
                if (c != null && !handedOver) {
                    LockedTokenBatch.closeQuietly(c);
                }
            }
        }
    }


    private static void housekeeping(Connection c, JdbcOtnSql s, String topic, Instant now) throws SQLException {
        int lapsed = topicUpdate(c, s.releaseLapsedLeases(), topic, now);
        int expired = topicUpdate(c, s.retireExpired(), topic, now);
        if (lapsed > 0 || expired > 0) {
            LOG.info("Topic {}: {} lapsed claim(s) back to VALID, {} expired token(s) retired", topic, lapsed, expired);
        }
    }

    private static int topicUpdate(Connection c, String update, String topic, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(update)) {
            setInstant(ps, 1, now);
            ps.setString(2, topic);
            setInstant(ps, 3, now);
            return ps.executeUpdate();
        }
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

    private static List<OtnToken> claimSkipLocked(Connection c, JdbcOtnSql s, String topic, Instant since, int max,
            String owner, Instant leaseUntil, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(s.claimSkipLocked(since != null))) {
            int i = bindCandidates(ps, topic, null, since, max, now);
            ps.setString(i++, owner);
            setInstant(ps, i++, leaseUntil);
            setInstant(ps, i, now);
            List<OtnToken> claimed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(optIn(rs));
                }
            }
            return claimed;
        }
    }

    private static List<OtnToken> claimUnderLock(Connection c, JdbcOtnSql s, String topic, Instant since, int max,
            String owner, Instant leaseUntil, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(s.insertClaimLock())) {
            ps.setString(1, topic);
            ps.setString(2, topic);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
        return inTransaction(c, () -> {
            try (PreparedStatement ps = c.prepareStatement(s.lockClaims())) {
                ps.setString(1, topic);
                ps.executeQuery().close();
            }
            List<OtnToken> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(s.selectCandidates(since != null))) {
                bindCandidates(ps, topic, null, since, max, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(optIn(rs));
                    }
                }
            }
            if (candidates.isEmpty()) {
                return candidates;
            }
            List<OtnToken> claimed = new ArrayList<>(candidates.size());
            try (PreparedStatement ps = c.prepareStatement(s.claimOne())) {
                for (OtnToken t : candidates) {
                    ps.setString(1, owner);
                    setInstant(ps, 2, leaseUntil);
                    setInstant(ps, 3, now);
                    ps.setString(4, t.token());
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

    private static OtnToken optIn(ResultSet rs) throws SQLException {
        return new OtnToken(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(1), rs.getString(5),
                instant(rs, 6), instant(rs, 7));
    }

    private static List<ClaimedToken> withAttributes(Connection c, JdbcOtnSql s, List<OtnToken> tokens, String owner,
            Instant leaseUntil) throws SQLException {
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<ContactKey> holders = tokens.stream().map(t -> new ContactKey(t.pageId(), t.psid())).toList();
        Map<ContactKey, Map<String, String>> attributes = attributesOf(c, s, holders);
        List<ClaimedToken> claimed = new ArrayList<>(tokens.size());
        for (OtnToken t : tokens) {
            claimed.add(new ClaimedToken(t, owner, leaseUntil,
                    attributes.getOrDefault(new ContactKey(t.pageId(), t.psid()), Map.of())));
        }
        claimed.sort(ClaimedToken.CLAIM_ORDER);
        return claimed;
    }

    @Override
    public boolean consume(String token, String owner) {
        return finish(token, owner, TokenStatus.CONSUMED, null);
    }

    @Override
    public boolean retire(String token, String owner, String reason) {
        return finish(token, owner, TokenStatus.RETIRED, StoreArgs.reason(reason));
    }

    @Override
    public boolean release(String token, String owner) {
        return finish(token, owner, TokenStatus.VALID, null);
    }

    @Override
    public int consumeAll(Collection<String> tokens, String owner) {
        return finishAll(tokens, owner, TokenStatus.CONSUMED);
    }

    @Override
    public int releaseAll(Collection<String> tokens, String owner) {
        return finishAll(tokens, owner, TokenStatus.VALID);
    }

    /** One JDBC batch per chunk, in one transaction, rows in token order (concurrent batches lock in one order). */
    private int finishAll(Collection<String> tokens, String owner, TokenStatus to) {
        if (owner == null) {
            return 0;
        }
        List<String> all = tokens.stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (all.isEmpty()) {
            return 0;
        }
        JdbcOtnSql s = sql();
        String update = to == TokenStatus.CONSUMED ? s.consume() : s.release();
        int done = 0;
        for (int from = 0; from < all.size(); from += INSERT_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + INSERT_CHUNK));
            Instant now = now();
            if (s.postgres) {
                done += finishAllAtOnce(s, chunk, owner, to, now);
                continue;
            }
            int[] counts = call("mark " + chunk.size() + " tokens " + to, chunk, c -> inTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    for (String token : chunk) {
                        setInstant(ps, 1, now);
                        ps.setString(2, token);
                        ps.setString(3, owner);
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                }
            }));
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO) {
                    done++;
                } else {
                    LOG.warn("Cannot mark token {} {}: not held by {}", OtnToken.fingerprint(chunk.get(i)), to, owner);
                }
            }
        }
        return done;
    }

    private int finishAllAtOnce(JdbcOtnSql s, List<String> chunk, String owner, TokenStatus to, Instant now) {
        Set<String> changed = call("mark " + chunk.size() + " tokens " + to, chunk, c -> {
            try (PreparedStatement ps = c.prepareStatement(s.finishAllAtOnce(to == TokenStatus.CONSUMED))) {
                setInstant(ps, 1, now);
                ps.setArray(2, c.createArrayOf("varchar", chunk.toArray()));
                ps.setString(3, owner);
                Set<String> tokens = new java.util.HashSet<>();
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

    private boolean finish(String token, String owner, TokenStatus to, String reason) {
        if (token == null || owner == null) {
            return false;
        }
        JdbcOtnSql s = sql();
        Instant now = now();
        String fingerprint = OtnToken.fingerprint(token);
        boolean done = call("mark token " + fingerprint + " " + to, List.of(token), c -> {
            String update = switch (to) {
                case CONSUMED -> s.consume();
                case RETIRED -> s.retire();
                default -> s.release();
            };
            try (PreparedStatement ps = c.prepareStatement(update)) {
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

    // ---------------------------------------------------------------- contacts

    @Override
    public void setAttribute(String pageId, String psid, String name, String value) {
        ContactKey key = new ContactKey(pageId, psid);
        StoreArgs.text("name", name, StoreArgs.ATTRIBUTE_NAME_MAX);
        StoreArgs.optionalText("value", value, StoreArgs.ATTRIBUTE_VALUE_MAX);
        JdbcOtnSql s = sql();
        Instant now = now();
        call("set attribute " + name, List.of(), c -> {
            ensureContact(c, s, pageId, psid, now);
            if (value == null) {
                update(c, s.deleteAttribute(), pageId, psid, name);
            } else if (s.postgres) {
                update(c, s.upsertAttribute(), pageId, psid, name, value);
            } else if (update(c, s.updateAttribute(), value, pageId, psid, name) == 0
                       && insertAttributeIfAbsent(c, s, pageId, psid, name, value) == 0) {
                update(c, s.updateAttribute(), value, pageId, psid, name); // inserted concurrently: overwrite
            }
            try (PreparedStatement ps = c.prepareStatement(s.touchContact())) {
                setInstant(ps, 1, now);
                ps.setString(2, pageId);
                ps.setString(3, psid);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static int insertAttributeIfAbsent(Connection c, JdbcOtnSql s, String pageId, String psid, String name,
            String value) throws SQLException {
        try {
            return update(c, s.insertAttribute(), pageId, psid, name, value, pageId, psid, name);
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return 0;
            }
            throw e;
        }
    }

    @Override
    public Map<String, String> attributes(String pageId, String psid) {
        ContactKey.of(pageId, psid); // validates both
        JdbcOtnSql s = sql();
        return call("read attributes", List.of(), c -> readAttributes(c, s, pageId, psid));
    }

    private static Map<String, String> readAttributes(Connection c, JdbcOtnSql s, String pageId, String psid)
            throws SQLException {
        Map<String, String> attributes = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(s.attributesOf())) {
            ps.setString(1, pageId);
            ps.setString(2, psid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attributes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return Contact.sortedCopy(attributes);
    }

    private static Map<ContactKey, Map<String, String>> attributesOf(Connection c, JdbcOtnSql s,
            Collection<ContactKey> holders) throws SQLException {
        Set<ContactKey> distinct = new LinkedHashSet<>(holders);
        Map<ContactKey, Map<String, String>> attributes = new HashMap<>();
        if (distinct.isEmpty()) {
            return attributes;
        }
        try (PreparedStatement ps = c.prepareStatement(s.postgres ? s.attributesOfHolders()
                : s.attributesOfAll(distinct.size()))) {
            if (s.postgres) {
                // two arrays: one statement text whatever the count, parsed and planned once per connection
                ps.setArray(1, c.createArrayOf("varchar", distinct.stream().map(ContactKey::pageId).toArray()));
                ps.setArray(2, c.createArrayOf("varchar", distinct.stream().map(ContactKey::psid).toArray()));
            } else {
                int i = 1;
                for (ContactKey k : distinct) {
                    ps.setString(i++, k.pageId());
                    ps.setString(i++, k.psid());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attributes.computeIfAbsent(new ContactKey(rs.getString(1), rs.getString(2)), k -> new TreeMap<>())
                            .put(rs.getString(3), rs.getString(4));
                }
            }
        }
        return attributes;
    }

    @Override
    public void recordInbound(String pageId, String psid, Instant at) {
        ContactKey.of(pageId, psid); // validates both
        Instant inbound = StoreArgs.instant("at", at);
        JdbcOtnSql s = sql();
        Instant now = now();
        call("record inbound", List.of(), c -> {
            ensureContact(c, s, pageId, psid, now);
            try (PreparedStatement ps = c.prepareStatement(s.recordInbound())) {
                setInstant(ps, 1, inbound);
                setInstant(ps, 2, now);
                ps.setString(3, pageId);
                ps.setString(4, psid);
                setInstant(ps, 5, inbound);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Contact> findContact(String pageId, String psid) {
        ContactKey.of(pageId, psid); // validates both
        JdbcOtnSql s = sql();
        return call("find contact", List.of(), c -> {
            try (PreparedStatement ps = c.prepareStatement(s.findContact())) {
                ps.setString(1, pageId);
                ps.setString(2, psid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Contact> empty();
                    }
                    return Optional.of(contact(rs, readAttributes(c, s, pageId, psid)));
                }
            }
        });
    }

    private static Contact contact(ResultSet rs, Map<String, String> attributes) throws SQLException {
        return new Contact(rs.getString(1), rs.getString(2), attributes, instant(rs, 3), instant(rs, 4), instant(rs, 5));
    }

    @Override
    public List<Contact> contacts(ContactKey after, int max) {
        return listContacts(null, after, max, JdbcOtnSql.Holding.ANY);
    }

    @Override
    public List<Contact> contactsWithValidToken(String topic, ContactKey after, int max) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        return listContacts(topic, after, max, JdbcOtnSql.Holding.WITH_TOKEN);
    }

    @Override
    public List<Contact> contactsWithoutValidToken(String topic, ContactKey after, int max) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        return listContacts(topic, after, max, JdbcOtnSql.Holding.WITHOUT_TOKEN);
    }

    private List<Contact> listContacts(String topic, ContactKey after, int max, JdbcOtnSql.Holding holding) {
        StoreArgs.batchSize("max", max);
        JdbcOtnSql s = sql();
        Instant now = now();
        return call("list contacts", List.of(), c -> {
            List<Contact> page = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(s.listContacts(after != null, holding))) {
                int i = 1;
                if (after != null) {
                    ps.setString(i++, after.pageId());
                    ps.setString(i++, after.psid());
                }
                if (holding != JdbcOtnSql.Holding.ANY) {
                    ps.setString(i++, topic);
                    setInstant(ps, i++, now);
                }
                ps.setInt(i, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(contact(rs, Map.of()));
                    }
                }
            }
            Map<ContactKey, Map<String, String>> attributes = attributesOf(c, s,
                    page.stream().map(Contact::key).toList());
            List<Contact> result = new ArrayList<>(page.size());
            for (Contact p : page) {
                result.add(new Contact(p.pageId(), p.psid(), attributes.getOrDefault(p.key(), Map.of()),
                        p.lastInbound(), p.createdAt(), p.updatedAt()));
            }
            return result;
        });
    }

    private static void ensureContact(Connection c, JdbcOtnSql s, String pageId, String psid, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(s.insertContact())) {
            bindContact(ps, s, pageId, psid, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicateKey(e)) {
                throw e; // else created concurrently: fine
            }
        }
    }

    private static void bindContact(PreparedStatement ps, JdbcOtnSql s, String pageId, String psid, Instant now)
            throws SQLException {
        ps.setString(1, pageId);
        ps.setString(2, psid);
        setInstant(ps, 3, now);
        setInstant(ps, 4, now);
        if (!s.postgres) {
            ps.setString(5, pageId);
            ps.setString(6, psid);
        }
    }

    // ---------------------------------------------------------------- JDBC plumbing

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface TxWork<T> {
        T run() throws SQLException;
    }

    private <T> T withConnection(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        }
    }

    /** Runs {@code work}, turning an SQL error into an {@link OtnStoreException} without the given secrets. */
    private <T> T call(String what, Collection<String> secrets, Work<T> work) {
        try {
            return withConnection(work);
        } catch (SQLException e) {
            throw new OtnStoreException("Cannot " + what + ": " + SecretScrubber.scrub(e.getMessage(), secrets),
                    SecretScrubber.scrub(e, secrets));
        }
    }

    private static <T> T inTransaction(Connection c, TxWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static int update(Connection c, String statement, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        // a batch reports the failing statement's state on the next exception
        int depth = 0;
        for (SQLException x = e; x != null && depth < 5; x = x.getNextException(), depth++) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Deadlock, serialization failure or lock timeout: worth another try. */
    private static boolean isContention(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state) || "55P03".equals(state);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OtnStoreException("Interrupted while retrying a claim", e);
        }
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private Instant now() {
        return StoreArgs.millis(clock.instant());
    }

    @Override
    public String toString() {
        JdbcOtnSql s = sql;
        return "JdbcOtnStore[tables=" + tablePrefix + "otn_*" + (s == null ? ", not started" : s.postgres ? ", PostgreSQL" : "")
               + "]";
    }
}
