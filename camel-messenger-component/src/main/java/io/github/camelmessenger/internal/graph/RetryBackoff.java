package io.github.camelmessenger.internal.graph;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with equal jitter: retry {@code n} (0-based) waits between half and all of
 * {@code min(max, first * 2^n)}. The jitter spreads retries of a broadcast that failed together; keeping half the
 * delay fixed still guarantees a real pause (a full-jitter draw near zero would hammer a rate-limited Page).
 */
final class RetryBackoff {

    private final long firstDelayMillis;
    private final long rateLimitFirstDelayMillis;
    private final long maxDelayMillis;

    RetryBackoff(long firstDelayMillis, long rateLimitFirstDelayMillis, long maxDelayMillis) {
        this.firstDelayMillis = firstDelayMillis;
        this.rateLimitFirstDelayMillis = rateLimitFirstDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
    }

    /** The delay before retry {@code retryIndex} (0 for the first retry), jitter included. */
    long delayMillis(int retryIndex, boolean rateLimited) {
        long ceiling = ceilingMillis(retryIndex, rateLimited);
        long half = ceiling / 2;
        return ceiling - half + (half == 0 ? 0 : ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** The delay before retry {@code retryIndex} without jitter: the most {@link #delayMillis} returns. */
    long ceilingMillis(int retryIndex, boolean rateLimited) {
        long first = rateLimited ? rateLimitFirstDelayMillis : firstDelayMillis;
        if (first <= 0) {
            return 0;
        }
        // a rate-limit delay longer than the cap must still win: waiting less would just meet the limit again
        long cap = Math.max(maxDelayMillis, first);
        if (retryIndex >= 62 || first > (cap >> Math.min(retryIndex, 62))) {
            return cap;
        }
        return Math.min(cap, first << retryIndex);
    }
}
