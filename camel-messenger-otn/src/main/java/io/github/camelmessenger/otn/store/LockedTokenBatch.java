package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL batch held by row locks: the claim wrote nothing, the open transaction is the lease. {@link #finish}
 * writes the outcomes in that transaction and commits; unsent tokens are then claimable again, untouched. If the
 * transaction is lost (the connection broke, or PostgreSQL ended it after the lease), the tokens are VALID again and
 * the outcomes are written without the locks, to the tokens no other claim has finished since.
 */
final class LockedTokenBatch implements TokenBatch {

    private static final Logger LOG = LoggerFactory.getLogger(LockedTokenBatch.class);

    private final OtnJdbc jdbc;
    private final OtnTables t;
    private final String owner;
    private final List<ClaimedToken> tokens;
    private Connection transaction;
    private boolean finished;

    LockedTokenBatch(OtnJdbc jdbc, OtnTables tables, String owner, List<ClaimedToken> tokens, Connection transaction) {
        this.jdbc = jdbc;
        this.t = tables;
        this.owner = owner;
        this.tokens = List.copyOf(tokens);
        this.transaction = transaction;
    }

    @Override
    public List<ClaimedToken> tokens() {
        return tokens;
    }

    @Override
    public synchronized List<String> finish(Collection<String> consumed, Map<String, String> retired) {
        if (finished) {
            return List.of();
        }
        Connection c = transaction;
        transaction = null;
        if (c != null) {
            try {
                write(c, consumed, retired);
                c.commit();
                finished = true;
                return List.of();
            } catch (SQLException e) {
                LOG.warn("Batch of {} token(s) of {}: its transaction ended before the outcomes were written ({}); "
                         + "writing them without it", tokens.size(), owner, SecretScrubber.scrub(e.getMessage(), values()));
            } finally {
                closeQuietly(c);
            }
        }
        try (Connection fresh = jdbc.dataSource.getConnection()) {
            fresh.setAutoCommit(true);
            write(fresh, consumed, retired);
            finished = true;
            return List.of();
        } catch (SQLException e) {
            throw new OtnStoreException("Cannot write the outcomes of " + tokens.size() + " token(s) of " + owner
                                        + ": " + SecretScrubber.scrub(e.getMessage(), values()),
                    SecretScrubber.scrub(e, values()));
        }
    }

    private void write(Connection c, Collection<String> consumed, Map<String, String> retired) throws SQLException {
        Instant now = jdbc.now();
        if (!consumed.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.tokens() + " SET status = 'CONSUMED',"
                    + " claim_owner = ?, lease_until = NULL, status_reason = NULL, updated_at = ?"
                    + " WHERE token = ANY (?) AND status = 'VALID'")) {
                ps.setString(1, owner);
                OtnJdbc.setInstant(ps, 2, now);
                ps.setArray(3, c.createArrayOf("varchar", consumed.toArray()));
                int done = ps.executeUpdate();
                if (done != consumed.size()) {
                    LOG.warn("Batch of {}: {} of {} sent token(s) were finished by another claim meanwhile", owner,
                            consumed.size() - done, consumed.size());
                }
            }
        }
        if (!retired.isEmpty()) {
            String[] values = new String[retired.size()];
            String[] reasons = new String[retired.size()];
            int i = 0;
            for (Map.Entry<String, String> r : retired.entrySet()) {
                values[i] = r.getKey();
                reasons[i++] = StoreArgs.reason(r.getValue());
                LOG.warn("Retired token {}: {}", OtnToken.fingerprint(r.getKey()), r.getValue());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.tokens() + " t SET status = 'RETIRED',"
                    + " claim_owner = ?, lease_until = NULL, status_reason = r.reason, updated_at = ?"
                    + " FROM unnest(?::varchar[], ?::varchar[]) AS r(token, reason)"
                    + " WHERE t.token = r.token AND t.status = 'VALID'")) {
                ps.setString(1, owner);
                OtnJdbc.setInstant(ps, 2, now);
                ps.setArray(3, c.createArrayOf("varchar", values));
                ps.setArray(4, c.createArrayOf("varchar", reasons));
                ps.executeUpdate();
            }
        }
    }

    /**
     * A statement in the batch's transaction: PostgreSQL ends a transaction idle for longer than the lease
     * ({@code idle_in_transaction_session_timeout}), so any statement restarts that clock.
     */
    @Override
    public synchronized boolean renew(Duration lease) {
        if (finished) {
            return true;
        }
        Connection c = transaction;
        if (c == null) {
            return false; // the transaction was lost while finishing: the row locks are gone
        }
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            LOG.warn("Batch of {} token(s) of {}: its transaction ended before the batch was sent ({}); its tokens are "
                     + "claimable again and are not sent by this batch", tokens.size(), owner,
                    SecretScrubber.scrub(e.getMessage(), values()));
            return false;
        }
    }

    private List<String> values() {
        return tokens.stream().map(ClaimedToken::tokenValue).toList();
    }

    /** Rolls back what is open and gives the connection back; a broken one is aborted first. */
    static void closeQuietly(Connection c) {
        if (isBroken(c)) {
            try {
                // a session the server ended must not go back to a pool that does not check what it hands out
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException | AbstractMethodError e) {
                LOG.debug("Cannot abort a broken batch connection: {}", e.toString());
            }
        }
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Rollback of a batch transaction failed: {}", e.getMessage());
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Cannot reset auto-commit: {}", e.getMessage());
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Closing a batch connection failed: {}", e.getMessage());
        }
    }

    private static boolean isBroken(Connection c) {
        try {
            return !c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "LockedTokenBatch[owner=" + owner + ", tokens=" + tokens.size() + "]";
    }
}
