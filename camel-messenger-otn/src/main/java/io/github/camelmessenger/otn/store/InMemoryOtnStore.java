package io.github.camelmessenger.otn.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OtnStore} in memory, with the semantics of {@link JdbcOtnStore}. Thread-safe: every operation runs under
 * one lock, which is plenty for tests and a single node. Nothing survives a restart.
 */
public final class InMemoryOtnStore implements OtnStore {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryOtnStore.class);

    private static final Comparator<TokenRow> BY_CREATED = Comparator.<TokenRow, Instant> comparing(r -> r.token.createdAt())
            .thenComparing(r -> r.token.token());
    private static final Comparator<TokenRow> BY_EXPIRY = Comparator.<TokenRow, Instant> comparing(r -> r.token.expiresAt())
            .thenComparing(r -> r.token.token());

    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, TokenRow> tokens = new HashMap<>();
    private final Map<String, Topic> topics = new HashMap<>();
    private final TreeMap<ContactKey, ContactRow> contacts = new TreeMap<>();

    public InMemoryOtnStore() {
        this(Clock.systemUTC());
    }

    public InMemoryOtnStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void start() {
        // nothing to prepare
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }

    // ---------------------------------------------------------------- tokens

    @Override
    public boolean storeToken(OtnToken token) {
        Objects.requireNonNull(token, "token");
        synchronized (lock) {
            if (tokens.containsKey(token.token())) {
                return false;
            }
            Instant now = now();
            TokenRow row = new TokenRow(token, now);
            tokens.put(token.token(), row);
            topic(token.topic()).add(row);
            contact(new ContactKey(token.pageId(), token.psid()), now);
            return true;
        }
    }

    @Override
    public int storeTokens(Collection<OtnToken> batch) {
        int stored = 0;
        for (OtnToken token : batch) {
            stored += storeToken(token) ? 1 : 0;
        }
        return stored;
    }

    @Override
    public Optional<StoredToken> findToken(String token) {
        synchronized (lock) {
            return Optional.ofNullable(tokens.get(token)).map(TokenRow::snapshot);
        }
    }

    @Override
    public long countTokens(String topic, TokenStatus status) {
        synchronized (lock) {
            Topic t = topics.get(topic);
            return t == null ? 0 : t.byHolder.values().stream().flatMap(List::stream).filter(r -> r.status == status)
                    .count();
        }
    }

    // ---------------------------------------------------------------- broadcast

    @Override
    public List<ClaimedToken> claim(String topic, Instant handledSince, int max, String owner, Duration lease) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        StoreArgs.batchSize("max", max);
        StoreArgs.text("owner", owner, StoreArgs.OWNER_MAX);
        StoreArgs.lease(lease);
        Instant since = StoreArgs.millis(handledSince);
        synchronized (lock) {
            Topic t = topics.get(topic);
            if (t == null) {
                return List.of();
            }
            Instant now = now();
            t.housekeeping(now);
            List<TokenRow> picked = new ArrayList<>();
            Set<ContactKey> seen = new HashSet<>();
            for (TokenRow row : t.valid) {
                if (picked.size() == max) {
                    break;
                }
                // valid is ordered oldest first: the first row met per holder is the holder's oldest valid token
                if (seen.add(row.holder()) && !t.holderBlocked(row.holder(), now, since)) {
                    picked.add(row);
                }
            }
            Instant leaseUntil = StoreArgs.millis(now.plus(lease));
            List<ClaimedToken> claimed = new ArrayList<>(picked.size());
            for (TokenRow row : picked) {
                t.change(row, TokenStatus.CLAIMED, now);
                row.owner = owner;
                row.leaseUntil = leaseUntil;
                row.reason = null;
                ContactRow contact = contacts.get(row.holder());
                claimed.add(new ClaimedToken(row.token, owner, leaseUntil, contact == null ? Map.of() : contact.attributes));
            }
            LOG.debug("Claimed {} token(s) of topic {} for {}", claimed.size(), topic, owner);
            return claimed;
        }
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

    private boolean finish(String token, String owner, TokenStatus to, String reason) {
        synchronized (lock) {
            TokenRow row = token == null ? null : tokens.get(token);
            if (row == null || owner == null || !owner.equals(row.owner) || row.status.isFinal()) {
                LOG.warn("Cannot mark token {} {}: not held by {}", OtnToken.fingerprint(token), to, owner);
                return false;
            }
            topics.get(row.token.topic()).change(row, to, now());
            row.leaseUntil = null;
            row.reason = reason;
            if (to == TokenStatus.VALID) {
                row.owner = null;
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- contacts

    @Override
    public void setAttribute(String pageId, String psid, String name, String value) {
        ContactKey key = new ContactKey(pageId, psid);
        StoreArgs.text("name", name, StoreArgs.ATTRIBUTE_NAME_MAX);
        StoreArgs.optionalText("value", value, StoreArgs.ATTRIBUTE_VALUE_MAX);
        synchronized (lock) {
            Instant now = now();
            ContactRow contact = contact(key, now);
            if (value == null) {
                contact.attributes.remove(name);
            } else {
                contact.attributes.put(name, value);
            }
            contact.updatedAt = now;
        }
    }

    @Override
    public Map<String, String> attributes(String pageId, String psid) {
        ContactKey key = new ContactKey(pageId, psid);
        synchronized (lock) {
            ContactRow contact = contacts.get(key);
            return contact == null ? Map.of() : Contact.sortedCopy(contact.attributes);
        }
    }

    @Override
    public void recordInbound(String pageId, String psid, Instant at) {
        ContactKey key = new ContactKey(pageId, psid);
        Instant inbound = StoreArgs.instant("at", at);
        synchronized (lock) {
            Instant now = now();
            ContactRow contact = contact(key, now);
            if (contact.lastInbound == null || contact.lastInbound.isBefore(inbound)) {
                contact.lastInbound = inbound;
                contact.updatedAt = now;
            }
        }
    }

    @Override
    public Optional<Contact> findContact(String pageId, String psid) {
        ContactKey key = new ContactKey(pageId, psid);
        synchronized (lock) {
            return Optional.ofNullable(contacts.get(key)).map(c -> c.snapshot(key));
        }
    }

    @Override
    public List<Contact> contacts(ContactKey after, int max) {
        return listContacts(after, max, key -> true);
    }

    @Override
    public List<Contact> contactsWithValidToken(String topic, ContactKey after, int max) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        Instant now = now();
        return listContacts(after, max, key -> holdsUsableToken(topic, key, now));
    }

    @Override
    public List<Contact> contactsWithoutValidToken(String topic, ContactKey after, int max) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        Instant now = now();
        return listContacts(after, max, key -> !holdsUsableToken(topic, key, now));
    }

    private List<Contact> listContacts(ContactKey after, int max, Predicate<ContactKey> filter) {
        StoreArgs.batchSize("max", max);
        synchronized (lock) {
            List<Contact> page = new ArrayList<>();
            Map<ContactKey, ContactRow> rest = after == null ? contacts : contacts.tailMap(after, false);
            for (Map.Entry<ContactKey, ContactRow> e : rest.entrySet()) {
                if (page.size() == max) {
                    break;
                }
                if (filter.test(e.getKey())) {
                    page.add(e.getValue().snapshot(e.getKey()));
                }
            }
            return page;
        }
    }

    private boolean holdsUsableToken(String topic, ContactKey key, Instant now) {
        Topic t = topics.get(topic);
        List<TokenRow> held = t == null ? null : t.byHolder.get(key);
        return held != null && held.stream().anyMatch(r -> (r.status == TokenStatus.VALID || r.status == TokenStatus.CLAIMED)
                                                           && !r.token.isExpiredAt(now));
    }

    // ---------------------------------------------------------------- internals

    private Instant now() {
        return StoreArgs.millis(clock.instant());
    }

    private Topic topic(String name) {
        return topics.computeIfAbsent(name, n -> new Topic());
    }

    private ContactRow contact(ContactKey key, Instant now) {
        return contacts.computeIfAbsent(key, k -> new ContactRow(now));
    }

    @Override
    public String toString() {
        return "InMemoryOtnStore";
    }

    /** The tokens of one topic, indexed for claims. Guarded by the store lock. */
    private static final class Topic {
        /** VALID tokens, oldest opt-in first: the claim order. */
        final NavigableSet<TokenRow> valid = new TreeSet<>(BY_CREATED);
        /** VALID tokens, soonest expiry first: for retiring expired ones without a full scan. */
        final NavigableSet<TokenRow> validByExpiry = new TreeSet<>(BY_EXPIRY);
        final Set<TokenRow> claimed = new HashSet<>();
        final Map<ContactKey, List<TokenRow>> byHolder = new HashMap<>();

        void add(TokenRow row) {
            byHolder.computeIfAbsent(row.holder(), k -> new ArrayList<>(1)).add(row);
            valid.add(row);
            validByExpiry.add(row);
        }

        void change(TokenRow row, TokenStatus to, Instant now) {
            if (row.status == TokenStatus.VALID) {
                valid.remove(row);
                validByExpiry.remove(row);
            } else if (row.status == TokenStatus.CLAIMED) {
                claimed.remove(row);
            }
            row.status = to;
            row.updatedAt = now;
            if (to == TokenStatus.VALID) {
                valid.add(row);
                validByExpiry.add(row);
            } else if (to == TokenStatus.CLAIMED) {
                claimed.add(row);
            }
        }

        void housekeeping(Instant now) {
            for (TokenRow row : List.copyOf(claimed)) {
                if (row.leaseUntil.isBefore(now)) {
                    change(row, TokenStatus.VALID, now);
                    row.leaseUntil = null; // the owner stays: a slow owner may still consume until another claim
                }
            }
            while (!validByExpiry.isEmpty() && validByExpiry.first().token.isExpiredAt(now)) {
                TokenRow row = validByExpiry.first();
                change(row, TokenStatus.RETIRED, now);
                row.owner = null;
                row.reason = "expired";
            }
        }

        boolean holderBlocked(ContactKey holder, Instant now, Instant handledSince) {
            for (TokenRow other : byHolder.get(holder)) {
                if (other.status == TokenStatus.CLAIMED && !other.leaseUntil.isBefore(now)) {
                    return true;
                }
                if (handledSince != null && other.status.isFinal() && other.owner != null
                    && !other.updatedAt.isBefore(handledSince)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Mutable state of one token. Guarded by the store lock. */
    private static final class TokenRow {
        final OtnToken token;
        TokenStatus status = TokenStatus.VALID;
        String owner;
        Instant leaseUntil;
        String reason;
        Instant updatedAt;

        TokenRow(OtnToken token, Instant now) {
            this.token = token;
            this.updatedAt = now;
        }

        ContactKey holder() {
            return new ContactKey(token.pageId(), token.psid());
        }

        StoredToken snapshot() {
            return new StoredToken(token, status, owner, leaseUntil, reason, updatedAt);
        }
    }

    /** Mutable state of one contact. Guarded by the store lock. */
    private static final class ContactRow {
        final Map<String, String> attributes = new TreeMap<>();
        final Instant createdAt;
        Instant lastInbound;
        Instant updatedAt;

        ContactRow(Instant now) {
            this.createdAt = now;
            this.updatedAt = now;
        }

        Contact snapshot(ContactKey key) {
            return new Contact(key.pageId(), key.psid(), attributes, lastInbound, createdAt, updatedAt);
        }
    }
}
