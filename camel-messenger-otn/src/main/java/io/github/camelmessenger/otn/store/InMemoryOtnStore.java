package io.github.camelmessenger.otn.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.github.camelmessenger.otn.store.InMemoryRows.ContactRow;
import io.github.camelmessenger.otn.store.InMemoryRows.TokenRow;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OtnStore} in memory, with the semantics of {@link JdbcOtnStore}. Thread-safe: every operation runs under
 * one lock, which is plenty for tests and a single node. Nothing survives a restart. Contacts' last inbound times
 * are kept in a {@link ConversationStateRepository}: the one given to the constructor (the messenger-otn component
 * gives the messenger component's), else one in memory.
 */
public final class InMemoryOtnStore implements OtnStore {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryOtnStore.class);

    private final Clock clock;
    private final Object lock = new Object();
    private final Map<String, TokenRow> tokens = new HashMap<>();
    private final Map<String, InMemoryTopic> topics = new HashMap<>();
    private final TreeMap<ContactKey, ContactRow> contacts = new TreeMap<>();
    private final LastInboundTimes inbound;

    public InMemoryOtnStore() {
        this(Clock.systemUTC());
    }

    public InMemoryOtnStore(Clock clock) {
        this(clock, new InMemoryConversationStateRepository());
    }

    /** A store keeping contacts' last inbound times in {@code conversationState} (started by {@link #start()}). */
    public InMemoryOtnStore(Clock clock, ConversationStateRepository conversationState) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inbound = new LastInboundTimes(Objects.requireNonNull(conversationState, "conversationState"));
    }

    @Override
    public void start() {
        inbound.state().start();
    }

    /** Where contacts' last inbound times are kept. */
    public ConversationStateRepository getConversationState() {
        return inbound.state();
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
            InMemoryTopic t = topics.get(topic);
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
            InMemoryTopic t = topics.get(topic);
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

    @Override
    public Map<String, Integer> validTokens(String pageId, String psid) {
        ContactKey holder = new ContactKey(pageId, psid);
        synchronized (lock) {
            Instant now = now();
            Map<String, Integer> counts = new TreeMap<>();
            for (Map.Entry<String, InMemoryTopic> topic : topics.entrySet()) {
                int n = 0;
                for (TokenRow row : topic.getValue().byHolder.getOrDefault(holder, List.of())) {
                    boolean usable = row.status == TokenStatus.VALID || row.status == TokenStatus.CLAIMED;
                    n += usable && row.token.expiresAt().isAfter(now) ? 1 : 0;
                }
                if (n > 0) {
                    counts.put(topic.getKey(), n);
                }
            }
            return counts;
        }
    }

    @Override
    public int revoke(String pageId, String psid, String topic) {
        ContactKey holder = new ContactKey(pageId, psid);
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        synchronized (lock) {
            InMemoryTopic t = topics.get(topic);
            if (t == null) {
                return 0;
            }
            Instant now = now();
            int revoked = 0;
            for (TokenRow row : List.copyOf(t.byHolder.getOrDefault(holder, List.of()))) {
                if (row.status == TokenStatus.VALID) {
                    t.change(row, TokenStatus.RETIRED, now);
                    row.owner = null;
                    row.leaseUntil = null;
                    row.reason = "revoked";
                    revoked++;
                }
            }
            return revoked;
        }
    }

    @Override
    public Optional<ClaimedToken> claimHolder(String pageId, String psid, String topic, String owner,
                                              Duration lease) {
        ContactKey holder = new ContactKey(pageId, psid);
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        StoreArgs.text("owner", owner, StoreArgs.OWNER_MAX);
        StoreArgs.lease(lease);
        synchronized (lock) {
            InMemoryTopic t = topics.get(topic);
            if (t == null) {
                return Optional.empty();
            }
            Instant now = now();
            t.housekeeping(now);
            if (!t.byHolder.containsKey(holder) || t.holderBlocked(holder, now, null)) {
                return Optional.empty();
            }
            for (TokenRow row : t.valid) { // oldest first: the holder's first is its oldest valid token
                if (row.holder().equals(holder)) {
                    Instant leaseUntil = StoreArgs.millis(now.plus(lease));
                    t.change(row, TokenStatus.CLAIMED, now);
                    row.owner = owner;
                    row.leaseUntil = leaseUntil;
                    row.reason = null;
                    ContactRow contact = contacts.get(holder);
                    return Optional.of(new ClaimedToken(row.token, owner, leaseUntil,
                            contact == null ? Map.of() : contact.attributes));
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public int renewAll(Collection<String> values, String owner, Duration lease) {
        StoreArgs.lease(lease);
        synchronized (lock) {
            Instant now = now();
            Instant until = StoreArgs.millis(now.plus(lease));
            int done = 0;
            for (String token : new HashSet<>(values)) {
                TokenRow row = token == null ? null : tokens.get(token);
                if (row != null && owner != null && owner.equals(row.owner) && row.status == TokenStatus.CLAIMED
                    && row.leaseUntil != null && !row.leaseUntil.isBefore(now)) {
                    row.leaseUntil = until;
                    done++;
                }
            }
            return done;
        }
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
        boolean moved = inbound.record(pageId, psid, StoreArgs.instant("at", at));
        synchronized (lock) {
            Instant now = now();
            ContactRow contact = contact(key, now);
            if (moved) {
                contact.updatedAt = now;
            }
        }
    }

    @Override
    public Optional<Contact> findContact(String pageId, String psid) {
        ContactKey key = new ContactKey(pageId, psid);
        Optional<Contact> contact;
        synchronized (lock) {
            contact = Optional.ofNullable(contacts.get(key)).map(c -> c.snapshot(key));
        }
        return contact.map(inbound::fill);
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
        List<Contact> page = new ArrayList<>();
        synchronized (lock) {
            Map<ContactKey, ContactRow> rest = after == null ? contacts : contacts.tailMap(after, false);
            for (Map.Entry<ContactKey, ContactRow> e : rest.entrySet()) {
                if (page.size() == max) {
                    break;
                }
                if (filter.test(e.getKey())) {
                    page.add(e.getValue().snapshot(e.getKey()));
                }
            }
        }
        return inbound.fillAll(page);
    }

    private boolean holdsUsableToken(String topic, ContactKey key, Instant now) {
        InMemoryTopic t = topics.get(topic);
        List<TokenRow> held = t == null ? null : t.byHolder.get(key);
        return held != null && held.stream().anyMatch(r -> (r.status == TokenStatus.VALID || r.status == TokenStatus.CLAIMED)
                                                           && !r.token.isExpiredAt(now));
    }

    // ---------------------------------------------------------------- internals

    private Instant now() {
        return StoreArgs.millis(clock.instant());
    }

    private InMemoryTopic topic(String name) {
        return topics.computeIfAbsent(name, n -> new InMemoryTopic());
    }

    private ContactRow contact(ContactKey key, Instant now) {
        return contacts.computeIfAbsent(key, k -> new ContactRow(now));
    }

    @Override
    public String toString() {
        return "InMemoryOtnStore";
    }
}
