package io.github.camelmessenger.otn.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.state.ConversationStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour every {@link OtnStore} must show, run against the in-memory store, H2 and PostgreSQL.
 */
abstract class AbstractOtnStoreContractTest {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String PAGE = "1000";
    static final Duration LEASE = Duration.ofSeconds(30);

    protected MutableClock clock;
    protected OtnStore store;

    /** A started store reading time from {@code clock}, empty for this test. */
    protected abstract OtnStore createStore(Clock clock);

    /** Where the store keeps its contacts' last inbound times. */
    protected abstract ConversationStateRepository conversationStateOf(OtnStore store);

    /** {@code n} started stores sharing one data set (one database), on the system clock. */
    protected abstract List<OtnStore> sharingStores(int n);

    /** How many tokens the concurrency test claims. */
    protected abstract int concurrencyTokens();

    @BeforeEach
    void createStore() {
        clock = new MutableClock(T0);
        store = createStore(clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static OtnToken token(String value, String psid, String topic, Instant createdAt) {
        return OtnToken.optIn(PAGE, psid, topic, value, "payload-" + topic, createdAt);
    }

    static List<String> values(List<ClaimedToken> claimed) {
        return claimed.stream().map(ClaimedToken::tokenValue).toList();
    }

    StoredToken stored(String token) {
        return store.findToken(token).orElseThrow();
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void storesAndFindsAToken() {
        OtnToken t = token("tok-1", "u1", "offers", T0.minusSeconds(60));

        assertThat(store.storeToken(t)).isTrue();

        StoredToken s = stored("tok-1");
        assertThat(s.token()).isEqualTo(t);
        assertThat(s.token().expiresAt()).isEqualTo(t.createdAt().plus(Duration.ofDays(365)));
        assertThat(s.status()).isEqualTo(TokenStatus.VALID);
        assertThat(s.claimOwner()).isNull();
        assertThat(s.leaseUntil()).isNull();
        assertThat(s.reason()).isNull();
        assertThat(s.updatedAt()).isEqualTo(T0);
        assertThat(store.findToken("unknown")).isEmpty();
        assertThat(store.countTokens("offers", TokenStatus.VALID)).isOne();
        assertThat(store.countTokens("news", TokenStatus.VALID)).isZero();
        // an opt-in makes the user a contact
        assertThat(store.findContact(PAGE, "u1")).get().satisfies(c -> {
            assertThat(c.createdAt()).isEqualTo(T0);
            assertThat(c.attributes()).isEmpty();
            assertThat(c.lastInbound()).isNull();
        });
    }

    @Test
    void storingIsIdempotentOnTheTokenValueAndNeverRevivesAUsedToken() {
        OtnToken t = token("tok-1", "u1", "offers", T0.minusSeconds(60));
        store.storeToken(t);
        store.claim("offers", null, 10, "node-a", LEASE);
        store.consume("tok-1", "node-a");

        // the opt-in webhook redelivered, even with other data: nothing changes
        assertThat(store.storeToken(t)).isFalse();
        assertThat(store.storeToken(token("tok-1", "u2", "news", T0))).isFalse();

        assertThat(stored("tok-1").status()).isEqualTo(TokenStatus.CONSUMED);
        assertThat(stored("tok-1").token()).isEqualTo(t);
        assertThat(store.countTokens("news", TokenStatus.VALID)).isZero();
    }

    @Test
    void storesTokensInBatches() {
        List<OtnToken> batch = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            batch.add(token("batch-" + i, "u" + (i % 300), "offers", T0.minusSeconds(5000 - i)));
        }
        store.storeToken(batch.get(7));
        batch.add(batch.get(3)); // duplicate inside the batch

        assertThat(store.storeTokens(batch)).isEqualTo(1199);
        assertThat(store.storeTokens(batch.subList(0, 600))).isZero();

        assertThat(store.countTokens("offers", TokenStatus.VALID)).isEqualTo(1200);
        assertThat(stored("batch-1199").token()).isEqualTo(batch.get(1199));
        assertThat(store.contacts(null, 1000)).hasSize(300);
    }

    @Test
    void keepsEveryTokenOfAHolderPerTopic() {
        store.storeToken(token("o1", "u1", "offers", T0.minusSeconds(30)));
        store.storeToken(token("o2", "u1", "offers", T0.minusSeconds(20)));
        store.storeToken(token("n1", "u1", "news", T0.minusSeconds(10)));

        assertThat(store.countTokens("offers", TokenStatus.VALID)).isEqualTo(2);
        assertThat(store.countTokens("news", TokenStatus.VALID)).isOne();
        assertThat(store.contacts(null, 10)).extracting(Contact::psid).containsExactly("u1");
    }

    // ---------------------------------------------------------------- contacts

    @Test
    void keepsContactAttributes() {
        assertThat(store.attributes(PAGE, "u1")).isEmpty();
        assertThat(store.findContact(PAGE, "u1")).isEmpty();

        store.setAttribute(PAGE, "u1", "phone", "+33600000000");
        store.setAttribute(PAGE, "u1", "email", "old@example.org");
        clock.advance(Duration.ofMinutes(1));
        store.setAttribute(PAGE, "u1", "email", "ann@example.org");
        store.setAttribute(PAGE, "u2", "email", "bob@example.org");

        assertThat(store.attributes(PAGE, "u1"))
                .containsExactly(Map.entry("email", "ann@example.org"), Map.entry("phone", "+33600000000"));
        Contact u1 = store.findContact(PAGE, "u1").orElseThrow();
        assertThat(u1.attributes()).isEqualTo(store.attributes(PAGE, "u1"));
        assertThat(u1.createdAt()).isEqualTo(T0);
        assertThat(u1.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThatThrownBy(() -> u1.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);

        store.setAttribute(PAGE, "u1", "phone", null);
        assertThat(store.attributes(PAGE, "u1")).containsExactly(Map.entry("email", "ann@example.org"));
        assertThat(store.attributes(PAGE, "u2")).containsExactly(Map.entry("email", "bob@example.org"));
        assertThat(store.attributes("2000", "u1")).isEmpty();
    }

    @Test
    void recordsTheLatestInboundMessage() {
        store.recordInbound(PAGE, "u1", T0.minusSeconds(100));
        assertThat(store.findContact(PAGE, "u1").orElseThrow().lastInbound()).isEqualTo(T0.minusSeconds(100));

        store.recordInbound(PAGE, "u1", T0.minusSeconds(10));
        store.recordInbound(PAGE, "u1", T0.minusSeconds(50)); // late webhook delivery: ignored

        Contact u1 = store.findContact(PAGE, "u1").orElseThrow();
        assertThat(u1.lastInbound()).isEqualTo(T0.minusSeconds(10));
        assertThat(u1.createdAt()).isEqualTo(T0);
    }

    @Test
    void lastInboundTimesAreTheConversationStates() {
        ConversationStateRepository state = conversationStateOf(store);
        store.recordInbound(PAGE, "u1", T0.minusSeconds(30));
        assertThat(state.lastInbound(PAGE, "u1")).contains(T0.minusSeconds(30));

        // recorded elsewhere (the webhook consumer) into the same state: the contact reports it
        state.recordInbound(PAGE, "u1", T0.minusSeconds(10));
        state.recordInbound(PAGE, "not-a-contact", T0);

        assertThat(store.findContact(PAGE, "u1").orElseThrow().lastInbound()).isEqualTo(T0.minusSeconds(10));
        assertThat(store.contacts(null, 10)).singleElement()
                .satisfies(c -> assertThat(c.lastInbound()).isEqualTo(T0.minusSeconds(10)));
    }

    // ---------------------------------------------------------------- claims

    @Test
    void claimsOnlyValidUnexpiredTokensOfTheTopic() {
        store.storeToken(token("used", "u4", "offers", T0.minus(Duration.ofDays(3))));
        store.storeToken(token("refused", "u5", "offers", T0.minus(Duration.ofDays(3))));
        assertThat(values(store.claim("offers", null, 10, "node-a", LEASE))).containsExactly("refused", "used");
        assertThat(store.consume("used", "node-a")).isTrue();
        assertThat(store.retire("refused", "node-a", "(#100) token invalid")).isTrue();

        store.storeToken(token("fresh", "u1", "offers", T0.minus(Duration.ofDays(2))));
        store.storeToken(token("other-topic", "u2", "news", T0.minus(Duration.ofDays(2))));
        store.storeToken(new OtnToken(PAGE, "u3", "offers", "expired", null, T0.minus(Duration.ofDays(400)),
                T0.minus(Duration.ofDays(35))));
        store.setAttribute(PAGE, "u1", "email", "ann@example.org");

        List<ClaimedToken> claimed = store.claim("offers", null, 10, "node-b", LEASE);

        assertThat(claimed).hasSize(1);
        ClaimedToken c = claimed.get(0);
        assertThat(c.tokenValue()).isEqualTo("fresh");
        assertThat(c.pageId()).isEqualTo(PAGE);
        assertThat(c.psid()).isEqualTo("u1");
        assertThat(c.topic()).isEqualTo("offers");
        assertThat(c.payload()).isEqualTo("payload-offers");
        assertThat(c.owner()).isEqualTo("node-b");
        assertThat(c.leaseUntil()).isEqualTo(T0.plus(LEASE));
        assertThat(c.attributes()).containsExactly(Map.entry("email", "ann@example.org"));
        assertThat(stored("fresh")).satisfies(s -> {
            assertThat(s.status()).isEqualTo(TokenStatus.CLAIMED);
            assertThat(s.claimOwner()).isEqualTo("node-b");
            assertThat(s.leaseUntil()).isEqualTo(T0.plus(LEASE));
        });
        // the claim retired the expired token on its way
        assertThat(stored("expired")).satisfies(s -> {
            assertThat(s.status()).isEqualTo(TokenStatus.RETIRED);
            assertThat(s.reason()).isEqualTo("expired");
            assertThat(s.claimOwner()).isNull();
        });
        assertThat(stored("other-topic").status()).isEqualTo(TokenStatus.VALID);
        assertThat(store.claim("offers", null, 10, "node-b", LEASE)).isEmpty();
        assertThat(store.claim("nobody-asked", null, 10, "node-b", LEASE)).isEmpty();
    }

    @Test
    void claimsTheOldestTokenOfEachHolderAndOneHolderOnceAtATime() {
        store.storeToken(token("u1-third", "u1", "offers", T0.minus(Duration.ofHours(1))));
        store.storeToken(token("u1-first", "u1", "offers", T0.minus(Duration.ofHours(3))));
        store.storeToken(token("u1-second", "u1", "offers", T0.minus(Duration.ofHours(2))));
        store.storeToken(token("u2-only", "u2", "offers", T0.minus(Duration.ofMinutes(150))));

        assertThat(values(store.claim("offers", null, 10, "node-a", LEASE))).containsExactly("u1-first", "u2-only");
        // both holders have a message in flight: nothing more for them, from any node
        assertThat(store.claim("offers", null, 10, "node-b", LEASE)).isEmpty();

        Instant runStart = T0;
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.consume("u1-first", "node-a")).isTrue();
        // u1 was served in this run
        assertThat(store.claim("offers", runStart, 10, "node-b", LEASE)).isEmpty();
        // a later run (or no run bound) reaches u1's next token
        assertThat(values(store.claim("offers", T0.plusSeconds(2), 10, "node-b", LEASE))).containsExactly("u1-second");

        // a transient failure gives the same token back to the next poll
        assertThat(store.release("u1-second", "node-b")).isTrue();
        assertThat(values(store.claim("offers", null, 10, "node-c", LEASE))).containsExactly("u1-second");

        // a retired token also counts as this run's attempt for its holder
        assertThat(store.retire("u1-second", "node-c", "(#10) outside allowed window")).isTrue();
        assertThat(store.claim("offers", runStart, 10, "node-c", LEASE)).isEmpty();
        assertThat(values(store.claim("offers", null, 10, "node-c", LEASE))).containsExactly("u1-third");
    }

    @Test
    void claimsAtMostMaxTokensOldestFirst() {
        for (int i : List.of(3, 0, 4, 1, 2)) {
            store.storeToken(token("t" + i, "u" + i, "offers", T0.minus(Duration.ofMinutes(10 - i))));
        }

        assertThat(values(store.claim("offers", null, 2, "a", LEASE))).containsExactly("t0", "t1");
        assertThat(values(store.claim("offers", null, 2, "b", LEASE))).containsExactly("t2", "t3");
        assertThat(values(store.claim("offers", null, 2, "c", LEASE))).containsExactly("t4");
        assertThat(store.claim("offers", null, 2, "d", LEASE)).isEmpty();
        assertThat(store.countTokens("offers", TokenStatus.CLAIMED)).isEqualTo(5);
        assertThat(store.countTokens("offers", TokenStatus.VALID)).isZero();
    }

    @Test
    void onlyTheClaimOwnerConsumesRetiresOrReleases() {
        store.storeToken(token("t1", "u1", "offers", T0.minusSeconds(30)));
        store.storeToken(token("t2", "u2", "offers", T0.minusSeconds(20)));
        store.storeToken(token("t3", "u3", "offers", T0.minusSeconds(10)));
        store.storeToken(token("never-claimed", "u4", "news", T0.minusSeconds(10)));
        store.claim("offers", null, 10, "node-a", LEASE);
        clock.advance(Duration.ofSeconds(5));

        assertThat(store.consume("t1", "node-b")).isFalse();
        assertThat(store.retire("t1", "node-b", "x")).isFalse();
        assertThat(store.release("t1", "node-b")).isFalse();
        assertThat(stored("t1").status()).isEqualTo(TokenStatus.CLAIMED);

        assertThat(store.consume("t1", "node-a")).isTrue();
        assertThat(stored("t1")).satisfies(s -> {
            assertThat(s.status()).isEqualTo(TokenStatus.CONSUMED);
            assertThat(s.claimOwner()).isEqualTo("node-a");
            assertThat(s.leaseUntil()).isNull();
            assertThat(s.updatedAt()).isEqualTo(T0.plusSeconds(5));
        });
        // used exactly once: no second transition
        assertThat(store.consume("t1", "node-a")).isFalse();
        assertThat(store.retire("t1", "node-a", "x")).isFalse();
        assertThat(store.release("t1", "node-a")).isFalse();
        assertThat(stored("t1").status()).isEqualTo(TokenStatus.CONSUMED);

        assertThat(store.retire("t2", "node-a", "(#100) token used")).isTrue();
        assertThat(stored("t2").status()).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("t2").reason()).isEqualTo("(#100) token used");

        assertThat(store.release("t3", "node-a")).isTrue();
        assertThat(stored("t3")).satisfies(s -> {
            assertThat(s.status()).isEqualTo(TokenStatus.VALID);
            assertThat(s.claimOwner()).isNull();
            assertThat(s.leaseUntil()).isNull();
        });

        assertThat(store.consume("never-claimed", "node-a")).isFalse();
        assertThat(store.consume("unknown", "node-a")).isFalse();
        assertThat(store.retire("t3", "node-a", "x")).as("released: no longer held").isFalse();

        // retired and consumed tokens never come back, released ones do
        clock.advance(Duration.ofDays(1));
        assertThat(values(store.claim("offers", null, 10, "node-b", LEASE))).containsExactly("t3");
        assertThat(store.countTokens("offers", TokenStatus.CONSUMED)).isOne();
        assertThat(store.countTokens("offers", TokenStatus.RETIRED)).isOne();
    }

    @Test
    void consumesAndReleasesInBatchesOnlyWhatTheOwnerHolds() {
        for (int i = 0; i < 6; i++) {
            store.storeToken(token("b" + i, "u" + i, "offers", T0.minusSeconds(60 - i)));
        }
        store.storeToken(token("other", "u9", "offers", T0.minusSeconds(1)));
        assertThat(values(store.claim("offers", null, 6, "node-a", LEASE))).hasSize(6);
        assertThat(values(store.claim("offers", null, 6, "node-b", LEASE))).containsExactly("other");
        clock.advance(Duration.ofSeconds(1));

        // "other" is node-b's, "unknown" nobody's: skipped, the rest done
        assertThat(store.consumeAll(List.of("b0", "b1", "b2", "other", "unknown"), "node-a")).isEqualTo(3);
        assertThat(store.releaseAll(List.of("b3", "b4", "b1", "other"), "node-a")).isEqualTo(2);
        assertThat(store.consumeAll(List.of(), "node-a")).isZero();

        assertThat(List.of("b0", "b1", "b2")).allSatisfy(t -> assertThat(stored(t).status()).isEqualTo(TokenStatus.CONSUMED));
        assertThat(List.of("b3", "b4")).allSatisfy(t -> assertThat(stored(t).status()).isEqualTo(TokenStatus.VALID));
        assertThat(stored("b5").status()).isEqualTo(TokenStatus.CLAIMED);
        assertThat(stored("other").status()).isEqualTo(TokenStatus.CLAIMED);
        assertThat(stored("other").claimOwner()).isEqualTo("node-b");
    }

    @Test
    void aClaimLeftByACrashedNodeIsClaimableAgainAfterItsLease() {
        store.storeToken(token("t1", "u1", "offers", T0.minusSeconds(30)));
        assertThat(values(store.claim("offers", null, 10, "crashed", LEASE))).containsExactly("t1");

        clock.advance(LEASE.minusSeconds(1));
        assertThat(store.claim("offers", null, 10, "node-b", LEASE)).as("lease still running").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.claim("offers", null, 10, "node-b", LEASE)).as("lease ends at, not before").isEmpty();

        clock.advance(Duration.ofMillis(1));
        List<ClaimedToken> reclaimed = store.claim("offers", null, 10, "node-b", LEASE);
        assertThat(values(reclaimed)).containsExactly("t1");
        assertThat(reclaimed.get(0).leaseUntil()).isEqualTo(clock.instant().plus(LEASE));

        // the crashed node came back late: its claim is gone
        assertThat(store.consume("t1", "crashed")).isFalse();
        assertThat(store.consume("t1", "node-b")).isTrue();
        assertThat(stored("t1").claimOwner()).isEqualTo("node-b");
    }

    @Test
    void aSlowOwnerMayStillConsumeAfterItsLeaseUntilAnotherClaimTakesTheToken() {
        store.storeToken(token("t1", "u1", "offers", T0.minusSeconds(30)));
        store.claim("offers", null, 10, "slow", LEASE);
        clock.advance(LEASE.plusSeconds(10));

        assertThat(store.consume("t1", "slow")).isTrue();
        assertThat(store.claim("offers", null, 10, "node-b", LEASE)).isEmpty();
        assertThat(stored("t1").status()).isEqualTo(TokenStatus.CONSUMED);
    }

    @Test
    void expiredTokensAreNeverClaimed() {
        store.storeToken(new OtnToken(PAGE, "u1", "offers", "short-lived", null, T0.minusSeconds(60),
                T0.plus(Duration.ofHours(1))));
        store.storeToken(new OtnToken(PAGE, "u2", "offers", "claimed-then-expired", null, T0.minusSeconds(50),
                T0.plus(Duration.ofMinutes(1))));
        assertThat(values(store.claim("offers", null, 1, "crashed", Duration.ofHours(2))))
                .containsExactly("short-lived");
        assertThat(values(store.claim("offers", null, 1, "node-a", Duration.ofSeconds(10))))
                .containsExactly("claimed-then-expired");

        clock.advance(Duration.ofMinutes(1)); // expiresAt reached: expired
        assertThat(store.release("claimed-then-expired", "node-a")).isTrue();
        assertThat(store.claim("offers", null, 10, "node-b", LEASE)).isEmpty();
        assertThat(stored("claimed-then-expired").status()).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("claimed-then-expired").reason()).isEqualTo("expired");

        clock.set(T0.plus(Duration.ofHours(3))); // the crashed lease ends after the token expired
        assertThat(store.claim("offers", null, 10, "node-b", LEASE)).isEmpty();
        assertThat(stored("short-lived")).satisfies(s -> {
            assertThat(s.status()).isEqualTo(TokenStatus.RETIRED);
            assertThat(s.reason()).isEqualTo("expired");
            assertThat(s.claimOwner()).isNull();
        });
        assertThat(store.consume("short-lived", "crashed")).isFalse();
        assertThat(store.countTokens("offers", TokenStatus.RETIRED)).isEqualTo(2);
    }

    @Test
    void aYearAfterTheOptInTheTokenIsExpired() {
        store.storeToken(token("t1", "u1", "offers", T0));
        clock.set(T0.plus(OtnToken.LIFETIME));

        assertThat(store.claim("offers", null, 10, "node-a", LEASE)).isEmpty();
        assertThat(store.contactsWithoutValidToken("offers", null, 10)).extracting(Contact::psid).containsExactly("u1");
    }

    /**
     * A batch holds its tokens from the claim to {@code finish}, which writes every outcome at once; what it did not
     * send is claimable again once the owner hands back what it still holds.
     */
    @Test
    void aBatchHoldsItsTokensUntilFinishedAndWritesEveryOutcome() {
        for (int i = 1; i <= 4; i++) {
            store.storeToken(token("b-" + i, "u" + i, "offers", T0.minusSeconds(100 - i)));
        }

        TokenBatch batch = store.claimBatch("offers", null, null, 10, "node-a", LEASE);

        assertThat(values(batch.tokens())).containsExactly("b-1", "b-2", "b-3", "b-4");
        assertThat(batch.tokens()).allSatisfy(t -> assertThat(t.owner()).isEqualTo("node-a"));
        TokenBatch meanwhile = store.claimBatch("offers", null, null, 10, "node-b", LEASE);
        assertThat(meanwhile.tokens()).as("held by node-a").isEmpty();
        meanwhile.finish(Set.of(), Map.of());

        List<String> stillHeld = batch.finish(Set.of("b-1"), Map.of("b-2", "(#100) token used"));
        store.releaseAll(stillHeld, "node-a");

        assertThat(stored("b-1").status()).isEqualTo(TokenStatus.CONSUMED);
        assertThat(stored("b-1").claimOwner()).isEqualTo("node-a");
        assertThat(stored("b-2").status()).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("b-2").reason()).isEqualTo("(#100) token used");
        assertThat(stored("b-3").status()).isEqualTo(TokenStatus.VALID);
        TokenBatch next = store.claimBatch("offers", null, null, 10, "node-b", LEASE);
        assertThat(values(next.tokens())).as("the unsent ones, for the next run").containsExactly("b-3", "b-4");
        store.releaseAll(next.finish(Set.of(), Map.of()), "node-b");
    }

    /** Batches follow the claim rules: one token per holder, none for a holder handled since the run began. */
    @Test
    void batchesKeepTheOneMessagePerHolderRule() {
        store.storeToken(token("old", "u1", "offers", T0.minusSeconds(50)));
        store.storeToken(token("new", "u1", "offers", T0.minusSeconds(40)));
        store.storeToken(token("other", "u2", "offers", T0.minusSeconds(30)));

        TokenBatch first = store.claimBatch("offers", T0, null, 10, "node-a", LEASE);
        assertThat(values(first.tokens())).containsExactly("old", "other");
        store.releaseAll(first.finish(Set.of("old", "other"), Map.of()), "node-a");

        TokenBatch sameRun = store.claimBatch("offers", T0, first.tokens().get(1), 10, "node-a", LEASE);
        assertThat(sameRun.tokens()).as("u1 got its message in this run").isEmpty();
        sameRun.finish(Set.of(), Map.of());
        TokenBatch laterRun = store.claimBatch("offers", null, null, 10, "node-a", LEASE);
        assertThat(values(laterRun.tokens())).as("a later run").containsExactly("new");
        store.releaseAll(laterRun.finish(Set.of(), Map.of()), "node-a");
    }

    // ---------------------------------------------------------------- fallback split

    @Test
    void holdersAndNonHoldersAddUpToAllContacts() {
        store.storeToken(token("valid", "u1", "offers", T0.minusSeconds(90)));
        store.storeToken(token("news-only", "u2", "news", T0.minusSeconds(80)));
        store.storeToken(new OtnToken(PAGE, "u3", "offers", "expired", null, T0.minus(Duration.ofDays(2)),
                T0.minus(Duration.ofDays(1))));
        store.storeToken(token("used", "u4", "offers", T0.minusSeconds(100)));
        store.storeToken(token("in-flight", "u6", "offers", T0.minusSeconds(95)));
        assertThat(values(store.claim("offers", null, 2, "node-a", LEASE))).containsExactly("used", "in-flight");
        store.consume("used", "node-a");
        store.setAttribute(PAGE, "u5", "email", "eve@example.org");
        store.recordInbound(PAGE, "u7", T0.minusSeconds(5));
        store.storeToken(OtnToken.optIn("2000", "u1", "offers", "other-page", null, T0.minusSeconds(70)));
        store.setAttribute("2000", "u1", "phone", "+33611111111");

        List<Contact> all = page((after, max) -> store.contacts(after, max));
        List<Contact> with = page((after, max) -> store.contactsWithValidToken("offers", after, max));
        List<Contact> without = page((after, max) -> store.contactsWithoutValidToken("offers", after, max));

        assertThat(all).extracting(Contact::key).containsExactly(key(PAGE, "u1"), key(PAGE, "u2"), key(PAGE, "u3"),
                key(PAGE, "u4"), key(PAGE, "u5"), key(PAGE, "u6"), key(PAGE, "u7"), key("2000", "u1"))
                .isSorted();
        assertThat(with).extracting(Contact::key).containsExactly(key(PAGE, "u1"), key(PAGE, "u6"), key("2000", "u1"));
        assertThat(without).extracting(Contact::key).containsExactly(key(PAGE, "u2"), key(PAGE, "u3"),
                key(PAGE, "u4"), key(PAGE, "u5"), key(PAGE, "u7"));
        Set<ContactKey> union = new HashSet<>();
        with.forEach(c -> union.add(c.key()));
        without.forEach(c -> assertThat(union.add(c.key())).as("in both listings: %s", c).isTrue());
        assertThat(union).hasSameSizeAs(all);
        assertThat(without).filteredOn(c -> c.psid().equals("u5")).singleElement()
                .satisfies(c -> assertThat(c.attributes()).containsExactly(Map.entry("email", "eve@example.org")));
        assertThat(with).filteredOn(c -> c.pageId().equals("2000")).singleElement()
                .satisfies(c -> assertThat(c.attributes()).containsExactly(Map.entry("phone", "+33611111111")));
        assertThat(without).filteredOn(c -> c.psid().equals("u7")).singleElement()
                .satisfies(c -> assertThat(c.lastInbound()).isEqualTo(T0.minusSeconds(5)));

        // another topic: nobody holds one
        assertThat(page((after, max) -> store.contactsWithoutValidToken("sales", after, max))).hasSameSizeAs(all);
        assertThat(store.contactsWithValidToken("sales", null, 10)).isEmpty();
    }

    /** Reads a listing to the end, two contacts per page. */
    static List<Contact> page(BiFunction<ContactKey, Integer, List<Contact>> listing) {
        List<Contact> all = new ArrayList<>();
        ContactKey after = null;
        while (true) {
            List<Contact> page = listing.apply(after, 2);
            assertThat(page.size()).isLessThanOrEqualTo(2);
            all.addAll(page);
            if (page.size() < 2) {
                return all;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    static ContactKey key(String pageId, String psid) {
        return new ContactKey(pageId, psid);
    }

    // ---------------------------------------------------------------- input and secrets

    @Test
    void rejectsBadInputNamingTheFieldAndTheLimit() {
        assertThatThrownBy(() -> store.claim("offers", null, 0, "a", LEASE))
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("max")
                .hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> store.claim("offers", null, 1001, "a", LEASE))
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("1001");
        assertThatThrownBy(() -> store.claim("offers", null, 10, " ", LEASE))
                .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("owner");
        assertThatThrownBy(() -> store.claim("offers", null, 10, "a", Duration.ZERO))
                .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("lease");
        assertThatThrownBy(() -> store.contactsWithoutValidToken("", null, 10))
                .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("topic");
        assertThatThrownBy(() -> store.setAttribute(PAGE, "u1", "n".repeat(101), "v"))
                .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("name: at most 100 characters");
        assertThatThrownBy(() -> store.setAttribute(PAGE, "u1", "email", "v".repeat(2001)))
                .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("value: at most 2000");
        assertThatThrownBy(() -> store.recordInbound(PAGE, null, T0))
                .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("psid");
        assertThatThrownBy(() -> token("t", "u1", "offers", null))
                .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("createdAt");
        assertThatThrownBy(() -> new OtnToken(PAGE, "u1", "offers", "t", null, T0, T0))
                .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("expiresAt");
        String longSecret = "SECRET" + "x".repeat(1100);
        assertThatThrownBy(() -> token(longSecret, "u1", "offers", T0))
                .isInstanceOf(MessengerValidationException.class)
                .hasMessageStartingWith("token: at most 1024 characters")
                .hasMessageContaining(OtnToken.fingerprint(longSecret))
                .hasMessageNotContaining("SECRET");
        assertThat(store.countTokens("offers", TokenStatus.VALID)).isZero();
    }

    @Test
    void neverShowsTokenValuesOrAttributeValues() {
        String secret = "OTN-SECRET-TOKEN-VALUE";
        store.storeToken(token(secret, "u1", "offers", T0.minusSeconds(10)));
        store.setAttribute(PAGE, "u1", "email", "ann@example.org");
        ClaimedToken claimed = store.claim("offers", null, 1, "node-a", LEASE).get(0);

        String fingerprint = OtnToken.fingerprint(secret);
        assertThat(fingerprint).matches("sha256:[0-9a-f]{10}");
        for (Object shown : List.of(claimed, claimed.token(), stored(secret))) {
            assertThat(shown.toString()).doesNotContain(secret).contains(fingerprint);
        }
        assertThat(claimed.toString()).doesNotContain("ann@example.org").contains("email");
        assertThat(store.findContact(PAGE, "u1").orElseThrow().toString()).doesNotContain("ann@example.org");
    }

    // ---------------------------------------------------------------- concurrency

    /**
     * Two stores (two nodes) with four claiming threads each drain the topic in batches of 100; a crashed node holds
     * a batch until its lease ends, and some sends fail transiently and are released. Every token is consumed exactly
     * once and no holder ever has two tokens in flight.
     */
    @Test
    void concurrentClaimersUseEachTokenExactlyOnce() throws Exception {
        int tokens = concurrencyTokens();
        List<OtnStore> nodes = sharingStores(2);
        Instant base = Instant.now().minus(Duration.ofDays(1));
        List<OtnToken> seed = new ArrayList<>(tokens);
        for (int i = 0; i < tokens; i++) {
            // two tokens per holder: the second only after the first was consumed
            seed.add(OtnToken.optIn(PAGE, "u" + (i / 2), "offers", "token-" + i, null, base.plusMillis(i)));
        }
        Collections.shuffle(seed);
        assertThat(nodes.get(0).storeTokens(seed)).isEqualTo(tokens);

        List<ClaimedToken> abandoned = nodes.get(1).claim("offers", null, 50, "crashed-node",
                Duration.ofMillis(300));
        assertThat(abandoned).hasSize(50);

        Map<String, AtomicInteger> consumed = new ConcurrentHashMap<>();
        Map<ContactKey, String> inFlight = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger claims = new AtomicInteger();
        AtomicInteger releases = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                OtnStore node = nodes.get(w % 2);
                String owner = "node-" + (w % 2) + "-worker-" + w;
                workers.add(pool.submit(() -> {
                    while (done.get() < tokens && System.nanoTime() < deadline) {
                        List<ClaimedToken> batch = node.claim("offers", null, 100, owner, Duration.ofSeconds(30));
                        if (batch.isEmpty()) {
                            sleep(10);
                            continue;
                        }
                        claims.addAndGet(batch.size());
                        for (ClaimedToken c : batch) {
                            ContactKey holder = new ContactKey(c.pageId(), c.psid());
                            String other = inFlight.putIfAbsent(holder, c.tokenValue());
                            if (other != null) {
                                violations.add(holder + " got " + c.tokenValue() + " while " + other + " in flight");
                            }
                        }
                        for (ClaimedToken c : batch) {
                            inFlight.remove(new ContactKey(c.pageId(), c.psid()));
                            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                                releases.incrementAndGet();
                                if (!node.release(c.tokenValue(), owner)) {
                                    violations.add("release lost " + c.tokenValue());
                                }
                            } else if (node.consume(c.tokenValue(), owner)) {
                                consumed.computeIfAbsent(c.tokenValue(), k -> new AtomicInteger()).incrementAndGet();
                                done.incrementAndGet();
                            } else {
                                violations.add("consume lost " + c.tokenValue());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get(90, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        OtnStore check = nodes.get(0);
        assertThat(violations).isEmpty();
        assertThat(consumed).hasSize(tokens);
        assertThat(consumed.values()).allSatisfy(n -> assertThat(n.get()).isOne());
        // the abandoned tokens count once here: the workers claimed them after the crashed node's lease
        assertThat(claims.get()).as("the workers claimed each token once, plus the released ones again")
                .isEqualTo(tokens + releases.get());
        assertThat(IntStream.range(0, tokens).mapToObj(i -> "token-" + i)).allMatch(consumed::containsKey);
        assertThat(check.countTokens("offers", TokenStatus.CONSUMED)).isEqualTo(tokens);
        assertThat(check.countTokens("offers", TokenStatus.VALID)).isZero();
        assertThat(check.countTokens("offers", TokenStatus.CLAIMED)).isZero();
        for (ClaimedToken c : abandoned) {
            assertThat(check.findToken(c.tokenValue()).orElseThrow().claimOwner()).startsWith("node-");
        }
        nodes.forEach(OtnStore::close);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- one holder (notify, tokens, revoke)

    @Test
    void claimHolderTakesTheOldestValidTokenAndNoneWhileOneIsBeingSent() {
        store.storeTokens(List.of(token("h-new", "h", "restock", T0.minusSeconds(10)),
                token("h-old", "h", "restock", T0.minusSeconds(20)), token("h-sale", "h", "sale", T0)));

        ClaimedToken claimed = store.claimHolder(PAGE, "h", "restock", "notify-a", LEASE).orElseThrow();
        assertThat(claimed.tokenValue()).isEqualTo("h-old");
        assertThat(stored("h-old").status()).isEqualTo(TokenStatus.CLAIMED);
        assertThat(store.claimHolder(PAGE, "h", "restock", "notify-b", LEASE)).as("one in flight per holder").isEmpty();
        assertThat(store.claimHolder(PAGE, "nobody", "restock", "notify-b", LEASE)).isEmpty();
        assertThat(store.validTokens(PAGE, "h")).isEqualTo(Map.of("restock", 2, "sale", 1));

        assertThat(store.consume("h-old", "notify-a")).isTrue();
        assertThat(store.claimHolder(PAGE, "h", "restock", "notify-b", LEASE).orElseThrow().tokenValue())
                .isEqualTo("h-new");
        assertThat(store.release("h-new", "notify-b")).isTrue();

        assertThat(store.revoke(PAGE, "h", "restock")).isEqualTo(1);
        assertThat(stored("h-new").status()).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("h-new").reason()).isEqualTo("revoked");
        assertThat(store.validTokens(PAGE, "h")).isEqualTo(Map.of("sale", 1));
        assertThat(store.claimHolder(PAGE, "h", "restock", "notify-c", LEASE)).isEmpty();
    }

    @Test
    void concurrentNotifiesOfOneHolderClaimItsTokenOnce() throws Exception {
        List<OtnStore> nodes = sharingStores(2);
        Instant base = Instant.now().minus(Duration.ofDays(1));
        nodes.get(0).storeTokens(List.of(OtnToken.optIn(PAGE, "race", "restock", "race-token", null, base)));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                OtnStore node = nodes.get(i % 2);
                String owner = "notify-" + i;
                claims.add(pool.submit(() -> node.claimHolder(PAGE, "race", "restock", owner, LEASE).isPresent()));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isOne();
        } finally {
            pool.shutdownNow();
        }
    }
}
