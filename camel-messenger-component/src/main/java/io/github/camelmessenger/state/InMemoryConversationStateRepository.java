package io.github.camelmessenger.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

import org.apache.camel.support.service.ServiceSupport;

/**
 * The default {@link ConversationStateRepository}: state lives in this JVM only and is lost when the repository is
 * garbage collected (stopping and starting it keeps the state). Use {@link JdbcConversationStateRepository} to share
 * state between nodes or keep it across restarts.
 * <p>
 * Each update of a user's wait is one atomic {@link ConcurrentHashMap#computeIfPresent} on that user's key, so a
 * wait is taken, claimed or replaced exactly once without a global lock. {@link #claimExpired} scans all waits; the
 * number of pending waits in one JVM is small enough for that.
 */
public class InMemoryConversationStateRepository extends ServiceSupport implements ConversationStateRepository {

    private record UserKey(String pageId, String psid) {
        UserKey {
            Objects.requireNonNull(pageId, "pageId");
            Objects.requireNonNull(psid, "psid");
        }
    }

    private final ConcurrentMap<UserKey, Wait> waits = new ConcurrentHashMap<>();
    private final ConcurrentMap<UserKey, Instant> lastInbound = new ConcurrentHashMap<>();

    @Override
    public void putWait(Wait wait) {
        Objects.requireNonNull(wait, "wait");
        waits.put(new UserKey(wait.pageId(), wait.psid()), wait);
    }

    @Override
    public Optional<Wait> takeWait(String pageId, String psid, Instant now) {
        Objects.requireNonNull(now, "now");
        return removeIf(new UserKey(pageId, psid), wait -> !wait.isExpired(now));
    }

    @Override
    public List<Wait> claimExpired(Instant now, int max) {
        Objects.requireNonNull(now, "now");
        requirePositive(max);
        List<Wait> claimed = new ArrayList<>();
        for (UserKey key : waits.keySet()) {
            if (claimed.size() >= max) {
                break;
            }
            removeIf(key, wait -> wait.isExpired(now)).ifPresent(claimed::add);
        }
        return claimed;
    }

    @Override
    public Optional<Wait> findWait(String pageId, String psid) {
        return Optional.ofNullable(waits.get(new UserKey(pageId, psid)));
    }

    @Override
    public void recordInbound(String pageId, String psid, Instant at) {
        Instant millis = Wait.toMillis("at", at);
        lastInbound.merge(new UserKey(pageId, psid), millis, (old, now) -> now.isAfter(old) ? now : old);
    }

    @Override
    public Optional<Instant> lastInbound(String pageId, String psid) {
        return Optional.ofNullable(lastInbound.get(new UserKey(pageId, psid)));
    }

    /** Removes the key's wait when it matches, atomically with the test, and returns what was removed. */
    private Optional<Wait> removeIf(UserKey key, Predicate<Wait> condition) {
        Wait[] removed = new Wait[1];
        waits.computeIfPresent(key, (k, wait) -> {
            if (condition.test(wait)) {
                removed[0] = wait;
                return null;
            }
            return wait;
        });
        return Optional.ofNullable(removed[0]);
    }

    static void requirePositive(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1 (was: " + max + ")");
        }
    }

    @Override
    protected void doStart() {
        // nothing to prepare: the maps exist from construction
    }

    @Override
    protected void doStop() {
        // state is kept: a stopped and restarted repository still knows its waits
    }

    @Override
    public String toString() {
        return "InMemoryConversationStateRepository[waits=" + waits.size() + ", users=" + lastInbound.size() + "]";
    }
}
