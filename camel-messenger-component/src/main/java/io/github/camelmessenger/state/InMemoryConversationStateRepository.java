package io.github.camelmessenger.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryConversationStateRepository.class);

    private final ConcurrentMap<UserKey, Wait> waits = new ConcurrentHashMap<>();
    private final ConcurrentMap<UserKey, Instant> lastInbound = new ConcurrentHashMap<>();
    private final Object pruning = new Object();
    private Duration lastInboundRetention = DEFAULT_LAST_INBOUND_RETENTION;
    private int maxLastInboundUsers = DEFAULT_MAX_LAST_INBOUND_USERS;
    private volatile long nextPruneMillis = Long.MIN_VALUE;
    /** The latest inbound time recorded: the retention counts back from it. */
    private final AtomicLong latest = new AtomicLong(Long.MIN_VALUE);

    /** The default {@link #setMaxLastInboundUsers cap} on users whose last inbound time is kept in memory. */
    public static final int DEFAULT_MAX_LAST_INBOUND_USERS = 1_000_000;

    public Duration getLastInboundRetention() {
        return lastInboundRetention;
    }

    /**
     * How long a last inbound time is kept (default 8 days, {@link #DEFAULT_LAST_INBOUND_RETENTION}), counted back
     * from the latest time recorded (the repository has no clock of its own); older ones are pruned by
     * {@link #recordInbound} whenever the latest time moved on by a tenth of this period, or the
     * {@link #setMaxLastInboundUsers cap} is passed.
     */
    public void setLastInboundRetention(Duration lastInboundRetention) {
        if (lastInboundRetention == null || lastInboundRetention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("lastInboundRetention must be at least 1 day (the 24-hour window), was: "
                                               + lastInboundRetention);
        }
        this.lastInboundRetention = lastInboundRetention;
    }

    public int getMaxLastInboundUsers() {
        return maxLastInboundUsers;
    }

    /**
     * The most users whose last inbound time is kept (default 1,000,000): past it, times older than the retention are
     * pruned, then the oldest times until a tenth of the room is free again. Bounds the memory hostile traffic (many
     * senders) can take.
     */
    public void setMaxLastInboundUsers(int maxLastInboundUsers) {
        if (maxLastInboundUsers < 1) {
            throw new IllegalArgumentException("maxLastInboundUsers must be at least 1, was: " + maxLastInboundUsers);
        }
        this.maxLastInboundUsers = maxLastInboundUsers;
    }

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
        long newest = latest.accumulateAndGet(millis.toEpochMilli(), Math::max);
        if (lastInbound.size() > maxLastInboundUsers || newest >= nextPruneMillis) {
            prune(newest);
        }
    }

    private void prune(long newest) {
        synchronized (pruning) {
            if (lastInbound.size() <= maxLastInboundUsers && newest < nextPruneMillis) {
                return; // another thread just did
            }
            nextPruneMillis = newest + lastInboundRetention.toMillis() / 10;
            int forgotten = pruneLastInbound(Instant.ofEpochMilli(newest).minus(lastInboundRetention));
            if (lastInbound.size() > maxLastInboundUsers) {
                // still too many recent senders: the oldest go, down to 90 % of the cap (amortizes the sort)
                int excess = lastInbound.size() - maxLastInboundUsers * 9 / 10;
                List<Map.Entry<UserKey, Instant>> oldest = new ArrayList<>(lastInbound.entrySet());
                oldest.sort(Map.Entry.comparingByValue());
                for (int i = 0; i < excess && i < oldest.size(); i++) {
                    if (lastInbound.remove(oldest.get(i).getKey(), oldest.get(i).getValue())) {
                        forgotten++;
                    }
                }
                LOG.warn("More than {} users' last inbound times in memory: forgot the oldest (use a JDBC repository "
                         + "for that many users)", maxLastInboundUsers);
            }
            if (forgotten > 0) {
                LOG.debug("Forgot {} last inbound time(s)", forgotten);
            }
        }
    }

    @Override
    public int pruneLastInbound(Instant before) {
        Objects.requireNonNull(before, "before");
        int[] forgotten = new int[1];
        lastInbound.entrySet().removeIf(e -> {
            boolean old = e.getValue().isBefore(before);
            forgotten[0] += old ? 1 : 0;
            return old;
        });
        return forgotten[0];
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
