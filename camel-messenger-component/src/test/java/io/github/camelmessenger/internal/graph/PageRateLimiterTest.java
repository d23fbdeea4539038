package io.github.camelmessenger.internal.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageRateLimiterTest {

    private final ManualScheduler clock = new ManualScheduler();

    private PageRateLimiter limiter(int standard, int media) {
        return new PageRateLimiter(standard, media, clock::now, clock);
    }

    /** Acquires {@code count} permits at once and returns the clock time each was granted at. */
    private List<Long> acquireAll(PageRateLimiter limiter, String page, RateClass rateClass, int count) {
        List<Long> grants = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            limiter.acquire(page, rateClass, () -> grants.add(clock.now()));
        }
        return grants;
    }

    private static int maxInAnyWindow(List<Long> times, long windowNanos) {
        int max = 0;
        for (int i = 0, j = 0; i < times.size(); i++) {
            while (times.get(i) - times.get(j) >= windowNanos) {
                j++;
            }
            max = Math.max(max, i - j + 1);
        }
        return max;
    }

    @Test
    void pacesEvenlyInsteadOfBursting() {
        PageRateLimiter limiter = limiter(50, 10);
        long start = clock.now();

        List<Long> grants = acquireAll(limiter, "page", RateClass.STANDARD, 100);
        assertThat(grants).hasSize(1);

        clock.advanceMillis(1000);
        assertThat(grants).hasSize(51);
        clock.advanceMillis(1000);
        assertThat(grants).hasSize(100);

        for (int i = 1; i < grants.size(); i++) {
            assertThat(grants.get(i) - grants.get(i - 1)).isEqualTo(20_000_000L);
        }
        assertThat(grants.get(99) - start).isEqualTo(99 * 20_000_000L);
        assertThat(maxInAnyWindow(grants, 1_000_000_000L)).isEqualTo(50);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void keepsTheFullRateDespiteMillisecondTimers() {
        // 300/s is one call every 3.33 ms, which millisecond timers cannot hit exactly
        PageRateLimiter limiter = limiter(300, 10);

        List<Long> grants = acquireAll(limiter, "page", RateClass.STANDARD, 3000);
        for (int ms = 0; ms < 10_000; ms++) {
            clock.advanceMillis(1);
        }

        assertThat(grants).hasSizeGreaterThanOrEqualTo(2990);
        assertThat(maxInAnyWindow(grants, 1_000_000_000L)).isLessThanOrEqualTo(301);
        assertThat(maxInAnyWindow(grants, 10_000_000L)).isLessThanOrEqualTo(4);
    }

    @Test
    void mediaClassHasItsOwnSlowerBudget() {
        PageRateLimiter limiter = limiter(300, 10);

        List<Long> media = acquireAll(limiter, "page", RateClass.MEDIA, 20);
        List<Long> text = acquireAll(limiter, "page", RateClass.STANDARD, 1);
        assertThat(text).hasSize(1);

        clock.advanceMillis(1000);
        assertThat(media).hasSize(11);
        for (int i = 1; i < media.size(); i++) {
            assertThat(media.get(i) - media.get(i - 1)).isEqualTo(100_000_000L);
        }
    }

    @Test
    void waitersRunInArrivalOrderPerPage() {
        PageRateLimiter limiter = limiter(100, 10);
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 50; i++) {
            int n = i;
            limiter.acquire("page", RateClass.STANDARD, () -> order.add(n));
        }
        clock.advanceMillis(300);
        // arrivals after a queue formed wait behind it even when a slot has just come
        limiter.acquire("page", RateClass.STANDARD, () -> order.add(50));
        clock.advanceMillis(1000);

        assertThat(order).hasSize(51);
        for (int i = 0; i < order.size(); i++) {
            assertThat(order.get(i)).isEqualTo(i);
        }
    }

    @Test
    void pagesDoNotWaitForEachOther() {
        PageRateLimiter limiter = limiter(10, 10);
        List<Long> busy = acquireAll(limiter, "busy", RateClass.STANDARD, 100);
        assertThat(busy).hasSize(1);

        List<Long> quiet = acquireAll(limiter, "quiet", RateClass.STANDARD, 1);
        List<Long> nullKey = acquireAll(limiter, null, RateClass.STANDARD, 1);

        assertThat(quiet).containsExactly(clock.now());
        assertThat(nullKey).containsExactly(clock.now());
    }

    @Test
    void unpacedClassesRunAtOnce() {
        PageRateLimiter limiter = limiter(1, 0);
        AtomicInteger ran = new AtomicInteger();

        for (int i = 0; i < 100; i++) {
            limiter.acquire("page", RateClass.NONE, ran::incrementAndGet);
            limiter.acquire("page", null, ran::incrementAndGet);
            limiter.acquire("page", RateClass.MEDIA, ran::incrementAndGet); // media rate 0 = not paced
        }

        assertThat(ran).hasValue(300);
        assertThat(clock.pending()).isZero();
        assertThat(limiter.trackedKeys()).isZero();
    }

    @Test
    void idlePagesAreForgotten() {
        PageRateLimiter limiter = limiter(100, 10);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("page-" + i, RateClass.STANDARD, () -> { });
        }
        List<Long> waiting = acquireAll(limiter, "still-busy", RateClass.MEDIA, 5000);
        assertThat(limiter.trackedKeys()).isEqualTo(1001);

        clock.advanceMillis(91_000);
        limiter.acquire("fresh", RateClass.STANDARD, () -> { });

        // the 1000 idle pages are gone; the one with waiters and the new one remain
        assertThat(limiter.trackedKeys()).isEqualTo(2);
        assertThat(waiting).hasSize(911);
    }

    @Test
    void aFailingTaskDoesNotStrandTheQueue() {
        PageRateLimiter limiter = limiter(100, 10);
        AtomicInteger ran = new AtomicInteger();
        limiter.acquire("page", RateClass.STANDARD, ran::incrementAndGet);
        limiter.acquire("page", RateClass.STANDARD, () -> {
            throw new IllegalStateException("boom");
        });
        limiter.acquire("page", RateClass.STANDARD, ran::incrementAndGet);

        clock.advanceMillis(100);

        assertThat(ran).hasValue(2);
    }

    @Test
    void concurrentCallersGetEveryPermitExactlyOnce() throws Exception {
        PageRateLimiter limiter = limiter(1000, 10);
        AtomicInteger ran = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    limiter.acquire("page", RateClass.STANDARD, ran::incrementAndGet);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(ran).hasValue(1);

        clock.advanceMillis(2000);

        assertThat(ran).hasValue(2000);
        assertThat(clock.pending()).isZero();
    }

    @Test
    void realVertxTimersPaceAndRunWaitersOnTheEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            PageRateLimiter limiter = new PageRateLimiter(vertx, 100, 10);
            CountDownLatch done = new CountDownLatch(25);
            AtomicInteger offEventLoop = new AtomicInteger();
            long start = System.nanoTime();
            for (int i = 0; i < 25; i++) {
                boolean first = i == 0;
                limiter.acquire("page", RateClass.STANDARD, () -> {
                    if (!first && !Context.isOnEventLoopThread()) {
                        offEventLoop.incrementAndGet();
                    }
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();

            // 24 waits of 10 ms; timers never fire early, so this lower bound holds on any machine
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(200);
            assertThat(offEventLoop).hasValue(0);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void aFullQueueRefusesAtOnceAndOtherPagesAreUnaffected() {
        PageRateLimiter limiter = limiter(1, 1).maxQueued(2);
        List<Integer> ran = new ArrayList<>();
        assertThat(limiter.acquire("page", RateClass.STANDARD, () -> ran.add(0))).isTrue();   // runs now
        assertThat(limiter.acquire("page", RateClass.STANDARD, () -> ran.add(1))).isTrue();   // waits
        assertThat(limiter.acquire("page", RateClass.STANDARD, () -> ran.add(2))).isTrue();   // waits
        assertThat(limiter.acquire("page", RateClass.STANDARD, () -> ran.add(3))).isFalse();  // refused
        assertThat(limiter.acquire("other", RateClass.STANDARD, () -> ran.add(4))).isTrue();  // its own queue
        assertThat(ran).containsExactly(0, 4);
    }
}
