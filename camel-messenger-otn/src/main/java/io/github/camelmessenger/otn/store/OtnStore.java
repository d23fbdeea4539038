package io.github.camelmessenger.otn.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Contacts and One-Time Notification tokens of the {@code messenger-otn} component.
 *
 * <h2>Tokens</h2>
 * Each token allows exactly one message, so every token is kept: a user who opted in three times for a topic holds
 * three tokens and can be notified on three occasions. Storing is idempotent on the token value (a redelivered
 * webhook never resets a used token). A token expires {@link OtnToken#LIFETIME} after the opt-in and is never
 * returned by {@link #claim} after {@code expiresAt}.
 *
 * <h2>Broadcast: claim, then consume / retire / release</h2>
 * {@link #claim} hands out tokens of a topic in batches; each token goes to exactly one caller, across threads,
 * store instances and nodes sharing the database. A claim is a lease: if the owner neither consumes, retires nor
 * releases the token before the lease ends (a crashed node), the next claim of the topic makes it claimable again.
 * A holder gets at most <em>one</em> message per broadcast run:
 * <ul>
 * <li>a claim returns at most one token per holder (page, PSID) — the holder's oldest valid one;</li>
 * <li>a holder with a token of the topic under a live claim gets no second one until that claim ends;</li>
 * <li>a holder whose token of the topic was consumed or retired by a claim owner at or after {@code handledSince}
 *     is skipped — pass the start of the run, or now minus a cool-down shared by all nodes.</li>
 * </ul>
 * Nothing loads all tokens or contacts: claims are limited to {@link #MAX_BATCH} rows and the contact listings are
 * paged with a {@link ContactKey} cursor.
 *
 * <h2>Time</h2>
 * Implementations read the time from their {@link java.time.Clock} and keep instants to the millisecond.
 * <p>
 * Token values are secrets: implementations never log them (at most their {@link OtnToken#fingerprint(String)
 * fingerprint}) and every record masks them in {@code toString()}.
 */
public interface OtnStore extends AutoCloseable {

    /** The largest {@code max} accepted by {@link #claim} and the contact listings. */
    int MAX_BATCH = 1000;

    /** Prepares the store: the JDBC store creates its tables and indexes if missing. Call once before use. */
    void start();

    /** Releases what the store holds; a JDBC store leaves its {@code DataSource} open (it does not own it). */
    @Override
    void close();

    // ---------------------------------------------------------------- tokens

    /**
     * Stores a token from an opt-in as {@link TokenStatus#VALID} and creates its contact if new. Idempotent on the
     * token value: storing a value already present changes nothing, whatever its status.
     *
     * @return true if the token was new
     */
    boolean storeToken(OtnToken token);

    /**
     * Stores many tokens as {@link #storeToken} does, in JDBC batches (imports, benchmarks).
     *
     * @return how many were new
     */
    int storeTokens(Collection<OtnToken> tokens);

    /** The token with its current status, or empty if unknown. */
    Optional<StoredToken> findToken(String token);

    /** How many tokens of the topic have this stored status (a VALID token past its expiry counts until retired). */
    long countTokens(String topic, TokenStatus status);

    // ---------------------------------------------------------------- broadcast

    /**
     * Claims up to {@code max} VALID, unexpired tokens of the topic for {@code owner}, oldest opt-in first, marking
     * them {@link TokenStatus#CLAIMED} until now + {@code lease}. Each token is claimed by exactly one caller; the
     * one-message-per-holder rules of the {@link OtnStore class description} apply. Before claiming, the call does
     * the topic's housekeeping: tokens whose lease ended return to VALID (keeping their owner until claimed again),
     * and VALID tokens past their expiry become {@link TokenStatus#RETIRED} with reason {@code expired}.
     *
     * @param  topic        the topic
     * @param  handledSince skip holders whose token of the topic a claim owner consumed or retired at or after this
     *                      instant; null for no such check
     * @param  max          at most this many tokens, 1 to {@link #MAX_BATCH}
     * @param  owner        who claims (unique per claiming consumer, e.g. node id + consumer id)
     * @param  lease        how long the claim lasts without consume, retire or release
     * @return              the claimed tokens, oldest first, with the holders' attributes; empty when none is
     *                      claimable now
     */
    List<ClaimedToken> claim(String topic, Instant handledSince, int max, String owner, Duration lease);

    /**
     * Claims a batch for a broadcast run, under the rules of {@link #claim}, and hands the outcomes over in one
     * {@link TokenBatch#finish}. The default claims with {@link #claim} (a lease per token). A store may hold the
     * batch's tokens some other way for as long as the batch is open, at most {@code lease}: the PostgreSQL store
     * locks their rows in a transaction that {@code finish} commits, so a token costs one write instead of two and a
     * crashed node's tokens are claimable again as soon as its connection is gone.
     *
     * @param after the last token of the run's previous batches: only tokens after it in claim order (opt-in time,
     *              then token value) are claimed, so that tokens handed back during a run wait for the next run; null
     *              for the run's first claims. A store may ignore it when its unsent tokens stay claimed until the
     *              caller releases them (see {@link TokenBatch#finish}).
     */
    default TokenBatch claimBatch(String topic, Instant handledSince, ClaimedToken after, int max, String owner,
                                  Duration lease) {
        return new LeasedTokenBatch(this, owner, claim(topic, handledSince, max, owner, lease));
    }

    /**
     * The token's one message was sent: → {@link TokenStatus#CONSUMED}. Requires the token to be claimed by
     * {@code owner}: CLAIMED by it, or returned to VALID after its lease ended but not claimed again since (a slow
     * owner may still finish its work).
     *
     * @return false if {@code owner} does not hold the token (unknown, already final, released, never claimed, or
     *         claimed by another caller after the lease ended); nothing changes then
     */
    boolean consume(String token, String owner);

    /**
     * The platform refused the token permanently (used, expired, invalid, user unavailable): →
     * {@link TokenStatus#RETIRED}, never claimed again. Requires {@code owner} to hold the token, as {@link #consume}.
     *
     * @param  reason stored for reporting (shortened to 500 characters)
     * @return        false if {@code owner} does not hold the token; nothing changes then
     */
    boolean retire(String token, String owner, String reason);

    /**
     * A transient error: → {@link TokenStatus#VALID} without owner, claimable by the next poll. Requires
     * {@code owner} to hold the token, as {@link #consume}.
     *
     * @return false if {@code owner} does not hold the token; nothing changes then
     */
    boolean release(String token, String owner);

    /**
     * {@link #consume} for many tokens of one owner at once (a broadcast settles its sends in batches): JDBC stores
     * run one batch per call. A token the owner does not hold is skipped with a warning, as in {@link #consume}.
     *
     * @return how many were consumed
     */
    default int consumeAll(Collection<String> tokens, String owner) {
        int done = 0;
        for (String token : tokens) {
            done += consume(token, owner) ? 1 : 0;
        }
        return done;
    }

    /**
     * {@link #release} for many tokens of one owner at once.
     *
     * @return how many were released
     */
    default int releaseAll(Collection<String> tokens, String owner) {
        int done = 0;
        for (String token : tokens) {
            done += release(token, owner) ? 1 : 0;
        }
        return done;
    }

    /**
     * How many valid tokens (VALID or being sent, not expired) the holder has, per topic ({@code messenger-otn:tokens}).
     * Token values are secrets and are not listed.
     */
    default Map<String, Integer> validTokens(String pageId, String psid) {
        throw new UnsupportedOperationException("validTokens");
    }

    /**
     * The user unsubscribed from the topic ({@code messenger-otn:revoke}): every VALID token of the holder for the
     * topic is retired with reason {@code revoked}, never sent.
     *
     * @return how many tokens were revoked
     */
    default int revoke(String pageId, String psid, String topic) {
        throw new UnsupportedOperationException("revoke");
    }

    /**
     * Claims one holder's oldest valid token of the topic for a single send ({@code messenger-otn:notify}): as a
     * broadcast claim, exactly once across nodes, none while another token of the holder is under a live claim.
     * Finish it with {@link #consume}, {@link #retire} or {@link #release}.
     *
     * @return empty when the holder has no valid token of the topic (or its token is being sent right now)
     */
    default Optional<ClaimedToken> claimHolder(String pageId, String psid, String topic, String owner,
                                               Duration lease) {
        throw new UnsupportedOperationException("claimHolder");
    }

    /**
     * Extends the claims {@code owner} holds on {@code tokens} (CLAIMED by it, lease not lapsed) to now +
     * {@code lease}: a broadcast keeps its batches claimed while they wait and are sent.
     *
     * @return                               how many claims were extended; fewer than asked means some lapsed
     * @throws UnsupportedOperationException a store that cannot extend claims (the default): claims then last the
     *                                       lease from the claim
     */
    default int renewAll(Collection<String> tokens, String owner, Duration lease) {
        throw new UnsupportedOperationException("renewAll");
    }

    // ---------------------------------------------------------------- contacts

    /**
     * Sets a contact attribute, creating the contact if new; a null value removes the attribute.
     *
     * @param name  at most 100 characters
     * @param value at most 2000 characters, or null
     */
    void setAttribute(String pageId, String psid, String name, String value);

    /** The contact's attributes (read-only, sorted by name); empty for an unknown contact. */
    Map<String, String> attributes(String pageId, String psid);

    /**
     * Records an inbound message from the user at {@code at}, creating the contact if new. The latest time wins:
     * webhook events arriving out of order never move {@code lastInbound} back.
     * <p>
     * The JDBC and in-memory stores keep the time in their {@link io.github.camelmessenger.state.ConversationStateRepository}
     * (the messenger component's, when the messenger-otn component created the store): the one place each user's
     * last inbound time lives, which the 24-hour window check reads and the webhook consumer writes too. A contact's
     * {@link Contact#lastInbound()} is read from there.
     */
    void recordInbound(String pageId, String psid, Instant at);

    /** The contact with its attributes, or empty if unknown. */
    Optional<Contact> findContact(String pageId, String psid);

    /**
     * All contacts, in {@link ContactKey} order, after the cursor.
     *
     * @param after the last contact of the previous page, or null for the first page
     * @param max   page size, 1 to {@link #MAX_BATCH}
     */
    List<Contact> contacts(ContactKey after, int max);

    /**
     * Contacts that hold a usable token for the topic — VALID or CLAIMED (being sent), not expired — in
     * {@link ContactKey} order, after the cursor. The Messenger broadcast reaches these.
     */
    List<Contact> contactsWithValidToken(String topic, ContactKey after, int max);

    /**
     * Contacts that hold no usable token for the topic (the complement of {@link #contactsWithValidToken}), in
     * {@link ContactKey} order, after the cursor: the audience of the e-mail/SMS fallback. A contact is in exactly one
     * of the two listings at a given instant; run the fallback listing before the Messenger broadcast consumes the
     * tokens of the same occasion.
     */
    List<Contact> contactsWithoutValidToken(String topic, ContactKey after, int max);
}
