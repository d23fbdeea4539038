package io.github.camelmessenger.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Service;

/**
 * Conversation state of Messenger users, keyed by Page id and PSID: at most one pending {@link Wait} per user, and
 * the time of the user's last inbound message (for the 24-hour messaging window). This is the one place each user's
 * last inbound time is kept: the webhook consumer records it, the window check reads it, and {@code messenger-otn}
 * records and reports it for its contacts.
 * <p>
 * Each wait ends exactly once: either an input of the user takes it ({@link #takeWait}), or, once expired, one
 * expiry sweep claims it ({@link #claimExpired}), or a newer wait replaces it. This holds across threads and, for
 * implementations that share a store, across Camel contexts and JVMs: whichever node receives the user's next
 * message, exactly one caller gets the wait.
 * <p>
 * Callers pass the current time in; the repository keeps no clock. Times are kept to the millisecond.
 * {@link #start()} prepares the store (e.g. creates tables); a repository that was not started prepares it on first
 * use. All methods are thread-safe. Failures of the underlying store surface as {@link ConversationStateException}.
 */
public interface ConversationStateRepository extends Service {

    /**
     * Sets the user's wait, replacing any previous one (expired or not) in one atomic step: after this returns no
     * caller can take or claim the replaced wait.
     */
    void putWait(Wait wait);

    /**
     * Removes and returns the user's wait when it is still valid at {@code now} (i.e. {@code now} is before its
     * {@link Wait#expiresAt() expiry}). Of any number of concurrent callers, on any node, exactly one gets a given
     * wait. An expired wait is left in place for {@link #claimExpired}, so that its expiry is still reported once.
     *
     * @return the wait the caller now owns, or empty when the user has no valid wait
     */
    Optional<Wait> takeWait(String pageId, String psid, Instant now);

    /**
     * Removes and returns up to {@code max} waits that have expired at {@code now} ({@code expiresAt <= now}). Each
     * expired wait is returned to exactly one caller across all nodes. Which waits are returned when more than
     * {@code max} are due is unspecified (earliest expiry first where the store can do it cheaply). An empty list
     * means no expired wait was left unclaimed (another caller may still be claiming some).
     *
     * @param max at least 1
     */
    List<Wait> claimExpired(Instant now, int max);

    /** The user's current wait, expired or not, without removing it. */
    Optional<Wait> findWait(String pageId, String psid);

    /**
     * Records an inbound message of the user at {@code at}. Keeps the latest time: an older time (e.g. an event
     * delivered late) never moves it back.
     */
    void recordInbound(String pageId, String psid, Instant at);

    /** The time of the user's last inbound message, or empty when the repository has never seen the user. */
    Optional<Instant> lastInbound(String pageId, String psid);

    /**
     * Takes the user's pending wait for the route that handles the answer, in two phases: the route then
     * {@link #confirmWait confirms} it (the wait is gone) or, when it fails, {@link #releaseWait gives it back}. A
     * repository shared by nodes marks the wait taken for a lease instead of deleting it, so a node that dies between
     * the take and the end of its route loses nothing: after the lease the wait can be taken (or expire) again. The
     * default takes it at once ({@link #takeWait}); its release puts it back.
     */
    default Optional<Wait> takeWaitForRoute(String pageId, String psid, Instant now) {
        return takeWait(pageId, psid, now);
    }

    /** {@link #claimExpired} in two phases, as {@link #takeWaitForRoute}: confirm or release each wait claimed. */
    default List<Wait> claimExpiredForRoute(Instant now, int max) {
        return claimExpired(now, max);
    }

    /** The route handled a wait taken by {@link #takeWaitForRoute} or {@link #claimExpiredForRoute}. */
    default void confirmWait(Wait taken) {
        // taken at once: nothing left to do
    }

    /**
     * The route failed on a taken wait: it is pending again (unless a newer wait of the user replaced it), so the
     * redelivered answer resolves it, or the next sweep expires it.
     */
    default void releaseWait(Wait taken) {
        if (findWait(taken.pageId(), taken.psid()).isEmpty()) {
            putWait(taken);
        }
    }

    /**
     * How long a last inbound time is kept by default: the 24-hour window plus the 7 days of the
     * {@code HUMAN_AGENT} tag, and a day of margin. An older time opens no window, so forgetting it changes nothing.
     */
    Duration DEFAULT_LAST_INBOUND_RETENTION = Duration.ofDays(8);

    /**
     * Forgets the last inbound times older than {@code before}: every user who ever wrote (or forged a signed
     * delivery) would otherwise be kept forever. The repositories of this package also prune on their own (see
     * their {@code lastInboundRetention}); the default does nothing.
     *
     * @return how many users' times were forgotten
     */
    default int pruneLastInbound(Instant before) {
        return 0;
    }

    /**
     * The last inbound times of several users of one Page at once (for contact listings); users the repository has
     * never seen (and null entries) are left out. The default asks {@link #lastInbound(String, String)} for each.
     */
    default Map<String, Instant> lastInboundTimes(String pageId, Collection<String> psids) {
        Map<String, Instant> times = new HashMap<>();
        for (String psid : psids) {
            if (psid != null) {
                lastInbound(pageId, psid).ifPresent(at -> times.put(psid, at));
            }
        }
        return times;
    }
}
