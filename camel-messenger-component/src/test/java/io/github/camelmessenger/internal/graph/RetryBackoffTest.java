package io.github.camelmessenger.internal.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(500, 5000, 60_000);

    @Test
    void doublesFromTheRightStartAndStopsAtTheCap() {
        assertThat(backoff.ceilingMillis(0, false)).isEqualTo(500);
        assertThat(backoff.ceilingMillis(1, false)).isEqualTo(1000);
        assertThat(backoff.ceilingMillis(2, false)).isEqualTo(2000);
        assertThat(backoff.ceilingMillis(0, true)).isEqualTo(5000);
        assertThat(backoff.ceilingMillis(3, true)).isEqualTo(40_000);
        assertThat(backoff.ceilingMillis(4, true)).isEqualTo(60_000);
        assertThat(backoff.ceilingMillis(63, false)).isEqualTo(60_000);
        assertThat(backoff.ceilingMillis(1000, true)).isEqualTo(60_000);
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheCeiling() {
        for (int retry = 0; retry < 8; retry++) {
            for (boolean rateLimited : new boolean[] { false, true }) {
                long ceiling = backoff.ceilingMillis(retry, rateLimited);
                long min = Long.MAX_VALUE;
                long max = Long.MIN_VALUE;
                for (int i = 0; i < 2000; i++) {
                    long d = backoff.delayMillis(retry, rateLimited);
                    assertThat(d).isBetween(ceiling - ceiling / 2, ceiling);
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                }
                assertThat(max).isGreaterThan(min); // it does jitter
            }
        }
    }

    @Test
    void rateLimitDelayAboveTheCapIsKept() {
        RetryBackoff odd = new RetryBackoff(10, 90_000, 60_000);
        assertThat(odd.ceilingMillis(0, true)).isEqualTo(90_000);
        assertThat(odd.ceilingMillis(5, false)).isEqualTo(320);
    }

    @Test
    void zeroDelayMeansRetryAtOnce() {
        RetryBackoff none = new RetryBackoff(0, 0, 0);
        assertThat(none.delayMillis(3, true)).isZero();
    }
}
