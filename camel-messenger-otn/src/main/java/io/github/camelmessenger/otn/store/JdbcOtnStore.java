package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.jdbc.Dialect;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.JdbcConversationStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OtnStore} over any JDBC {@link DataSource}; tested on H2 (the embedded default) and PostgreSQL.
 * <p>
 * {@link #start()} creates the tables and indexes if missing: {@code <prefix>otn_contact}, {@code <prefix>otn_attribute},
 * {@code <prefix>otn_token} and, except on PostgreSQL, {@code <prefix>otn_claim_lock}. The work is split along its
 * concerns: tokens ({@link JdbcTokens}), contacts and attributes ({@link JdbcContacts}) and claims
 * ({@link JdbcClaims}, {@link LockedTokenBatch}); this class is their facade. Claims are exactly-once across nodes.
 * <p>
 * The store borrows a connection per operation and never holds one between calls, except for an open
 * {@link #claimBatch} batch on PostgreSQL, whose transaction holds the batch's row locks until it is finished; use a
 * pooled {@code DataSource}.
 * On PostgreSQL, {@link #storeTokens} runs {@code ANALYZE} after a bulk load of 1000 or more new tokens (at most once
 * a minute), so claims right after an import are planned on real statistics.
 * <p>
 * Contacts' last inbound times are kept in a {@link ConversationStateRepository}, the one place a user's last inbound
 * time lives: the one given to the constructor (the messenger-otn component gives the messenger component's), else a
 * {@link JdbcConversationStateRepository} on the same DataSource (tables {@code messenger_waits} and
 * {@code messenger_last_inbound}, as the messenger component's JDBC state uses by default).
 */
public final class JdbcOtnStore implements OtnStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcOtnStore.class);

    /** Letters, digits and underscores, starting with a letter: the prefix goes into table and index names. */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    /** The store's parts once started. */
    private record Parts(OtnTables tables, JdbcTokens tokens, JdbcContacts contacts, JdbcClaims claims) {
    }

    private final DataSource dataSource;
    private final String tablePrefix;
    private final Clock clock;
    private final ConversationStateRepository conversationState;
    private volatile Parts parts;

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
        this(dataSource, tablePrefix, clock, new JdbcConversationStateRepository(dataSource));
    }

    /**
     * As {@link #JdbcOtnStore(DataSource, String, Clock)}, keeping contacts' last inbound times in
     * {@code conversationState} (started by {@link #start()}, never stopped by the store).
     */
    public JdbcOtnStore(DataSource dataSource, String tablePrefix, Clock clock,
                        ConversationStateRepository conversationState) {
        this.conversationState = Objects.requireNonNull(conversationState, "conversationState");
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

    /** Where contacts' last inbound times are kept. */
    public ConversationStateRepository getConversationState() {
        return conversationState;
    }

    @Override
    public synchronized void start() {
        if (parts != null) {
            return;
        }
        conversationState.start();
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName();
            Dialect dialect = Dialect.ofProduct(product);
            if (dialect == Dialect.GENERIC) {
                LOG.warn("OTN store on {}: only H2 and PostgreSQL are tested, using standard SQL", product);
            }
            OtnTables tables = OtnTables.of(tablePrefix, dialect);
            OtnSchema.ensure(c, tables);
            OtnJdbc jdbc = new OtnJdbc(dataSource, clock);
            JdbcContacts contacts = new JdbcContacts(jdbc, tables, new LastInboundTimes(conversationState));
            parts = new Parts(tables, new JdbcTokens(jdbc, tables, contacts), contacts,
                    new JdbcClaims(jdbc, tables, contacts));
            LOG.info("OTN store ready on {} (tables {}*)", product, tablePrefix + "otn_");
        } catch (SQLException e) {
            throw new OtnStoreException("Cannot create the OTN tables " + tablePrefix + "otn_*: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        parts = null;
    }

    private Parts parts() {
        Parts p = parts;
        if (p == null) {
            throw new IllegalStateException("JdbcOtnStore is not started: call start() first");
        }
        return p;
    }

    // ---------------------------------------------------------------- tokens

    @Override
    public boolean storeToken(OtnToken token) {
        return parts().tokens().storeToken(token);
    }

    @Override
    public int storeTokens(Collection<OtnToken> batch) {
        return parts().tokens().storeTokens(batch);
    }

    @Override
    public Optional<StoredToken> findToken(String token) {
        return parts().tokens().findToken(token);
    }

    @Override
    public long countTokens(String topic, TokenStatus status) {
        return parts().tokens().countTokens(topic, status);
    }

    // ---------------------------------------------------------------- broadcast

    @Override
    public List<ClaimedToken> claim(String topic, Instant handledSince, int max, String owner, Duration lease) {
        return parts().claims().claim(topic, handledSince, max, owner, lease);
    }

    /**
     * PostgreSQL: the batch's rows are locked ({@code FOR UPDATE SKIP LOCKED}) in a transaction that stays open until
     * {@link TokenBatch#finish}, so the claim itself writes nothing; PostgreSQL ends the transaction if it sits idle
     * for longer than the lease. Elsewhere: the lease claim of {@link #claim}.
     */
    @Override
    public TokenBatch claimBatch(String topic, Instant handledSince, ClaimedToken after, int max, String owner,
                                 Duration lease) {
        Parts p = parts();
        if (!p.tables().postgres()) {
            return OtnStore.super.claimBatch(topic, handledSince, after, max, owner, lease);
        }
        return p.claims().claimLockedBatch(topic, handledSince, after, max, owner, lease);
    }

    @Override
    public boolean consume(String token, String owner) {
        return parts().tokens().finish(token, owner, TokenStatus.CONSUMED, null);
    }

    @Override
    public boolean retire(String token, String owner, String reason) {
        return parts().tokens().finish(token, owner, TokenStatus.RETIRED, StoreArgs.reason(reason));
    }

    @Override
    public boolean release(String token, String owner) {
        return parts().tokens().finish(token, owner, TokenStatus.VALID, null);
    }

    @Override
    public int consumeAll(Collection<String> tokens, String owner) {
        return parts().tokens().finishAll(tokens, owner, TokenStatus.CONSUMED);
    }

    @Override
    public int releaseAll(Collection<String> tokens, String owner) {
        return parts().tokens().finishAll(tokens, owner, TokenStatus.VALID);
    }

    @Override
    public Map<String, Integer> validTokens(String pageId, String psid) {
        ContactKey holder = new ContactKey(pageId, psid);
        return parts().tokens().validTokens(holder.pageId(), holder.psid());
    }

    @Override
    public int revoke(String pageId, String psid, String topic) {
        ContactKey holder = new ContactKey(pageId, psid);
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        return parts().tokens().revoke(holder.pageId(), holder.psid(), topic);
    }

    @Override
    public Optional<ClaimedToken> claimHolder(String pageId, String psid, String topic, String owner,
                                                        Duration lease) {
        return parts().claims().claimHolder(pageId, psid, topic, owner, lease);
    }

    @Override
    public int renewAll(Collection<String> tokens, String owner, Duration lease) {
        StoreArgs.lease(lease);
        return parts().tokens().renewAll(tokens, owner, lease);
    }

    // ---------------------------------------------------------------- contacts

    @Override
    public void setAttribute(String pageId, String psid, String name, String value) {
        parts().contacts().setAttribute(pageId, psid, name, value);
    }

    @Override
    public Map<String, String> attributes(String pageId, String psid) {
        return parts().contacts().attributes(pageId, psid);
    }

    @Override
    public void recordInbound(String pageId, String psid, Instant at) {
        parts().contacts().recordInbound(pageId, psid, at);
    }

    @Override
    public Optional<Contact> findContact(String pageId, String psid) {
        return parts().contacts().findContact(pageId, psid);
    }

    @Override
    public List<Contact> contacts(ContactKey after, int max) {
        return parts().contacts().contacts(after, max);
    }

    @Override
    public List<Contact> contactsWithValidToken(String topic, ContactKey after, int max) {
        return parts().contacts().contactsWithValidToken(topic, after, max);
    }

    @Override
    public List<Contact> contactsWithoutValidToken(String topic, ContactKey after, int max) {
        return parts().contacts().contactsWithoutValidToken(topic, after, max);
    }

    @Override
    public String toString() {
        Parts p = parts;
        return "JdbcOtnStore[tables=" + tablePrefix + "otn_*" + (p == null ? ", not started"
                : p.tables().postgres() ? ", PostgreSQL" : "") + "]";
    }

    /** The database the store lives in (for its health check). */
    public DataSource dataSource() {
        return dataSource;
    }
}
