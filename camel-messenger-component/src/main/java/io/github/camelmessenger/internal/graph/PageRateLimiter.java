package io.github.camelmessenger.internal.graph;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces calls per Page and {@link RateClass} so a broadcast stays under the Send API limits (300 calls/s per Page,
 * 10/s with audio or video) without parking a thread.
 * <p>
 * Each (page, class) pair has a virtual schedule (GCRA): permits are one interval ({@code 1 s / rate}) apart, so 300/s
 * means one call every 3.3 ms, never a burst of 300 at a second boundary. A caller whose slot has come runs at once,
 * on its own thread; the others wait in a FIFO queue that one Vert.x timer per pair drains when the next slot comes.
 * Pairs unused for a minute are forgotten, so memory stays bounded by the Pages recently active.
 * <p>
 * One limiter serves a whole component, so every endpoint sending for a Page draws on that Page's one schedule. Each
 * call brings its own interval (its endpoint's {@code rateLimit} / {@code mediaRateLimit}) and occupies that much of
 * the schedule: two endpoints at 300/s and 100/s sending for one Page never exceed the stricter budget together.
 */
public final class PageRateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(PageRateLimiter.class);

    /** How far a late timer may draw on slots already past: Vert.x timers have millisecond granularity. */
    private static final long MAX_CATCH_UP_NANOS = 2_000_000L;
    static final long IDLE_NANOS = 60_000_000_000L;
    private static final long SWEEP_EVERY_NANOS = 30_000_000_000L;

    private static final int GRANTED = 0;
    private static final int QUEUED = 1;
    private static final int QUEUED_NEEDS_TIMER = 2;
    private static final int RETIRED = 3;
    private static final int FULL = 4;
    /** The default bound of each (page, class) queue. */
    public static final int DEFAULT_MAX_QUEUED = 10_000;

    /** Runs a task after a delay; on Vert.x a timer, in tests a hand-driven queue. */
    interface Scheduler {
        void schedule(long delayMillis, Runnable task);
    }

    private final LongSupplier nanoClock;
    private final Scheduler scheduler;
    private final long[] intervalNanos = new long[RateClass.values().length];
    @SuppressWarnings("unchecked")
    private final Map<String, Bucket>[] buckets = new Map[RateClass.values().length];
    private final AtomicLong nextSweep;
    private volatile int maxQueued = DEFAULT_MAX_QUEUED;

    /**
     * @param standardPerSecond permits per second and Page for {@link RateClass#STANDARD}; 0 or less disables pacing
     *                          of that class
     * @param mediaPerSecond    the same for {@link RateClass#MEDIA}
     */
    public PageRateLimiter(Vertx vertx, int standardPerSecond, int mediaPerSecond) {
        this(standardPerSecond, mediaPerSecond, System::nanoTime, vertxScheduler(vertx));
    }

    PageRateLimiter(int standardPerSecond, int mediaPerSecond, LongSupplier nanoClock, Scheduler scheduler) {
        this.nanoClock = nanoClock;
        this.scheduler = scheduler;
        intervalNanos[RateClass.STANDARD.ordinal()] = interval(standardPerSecond);
        intervalNanos[RateClass.MEDIA.ordinal()] = interval(mediaPerSecond);
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new ConcurrentHashMap<>();
        }
        this.nextSweep = new AtomicLong(nanoClock.getAsLong() + SWEEP_EVERY_NANOS);
    }

    /**
     * How many calls may wait for one (page, class) pair's slots; a call beyond is refused at once rather than
     * queued for minutes (a broadcast faster than the Page's rate, or hostile traffic).
     */
    public PageRateLimiter maxQueued(int max) {
        this.maxQueued = max <= 0 ? Integer.MAX_VALUE : max;
        return this;
    }

    private static Scheduler vertxScheduler(Vertx vertx) {
        if (vertx == null) {
            throw new IllegalArgumentException("vertx is required");
        }
        return (delayMillis, task) -> vertx.setTimer(delayMillis, id -> task.run());
    }

    /** The interval between permits for a rate per second; 0 (no pacing) for 0 or less. */
    public static long intervalNanos(int perSecond) {
        return interval(perSecond);
    }

    private static long interval(int perSecond) {
        return perSecond <= 0 ? 0 : Math.max(1, 1_000_000_000L / perSecond);
    }

    /**
     * Runs {@code whenPermitted} now, on the calling thread, when the pair's next slot has come and nobody waits
     * before it; otherwise queues it and runs it later on a Vert.x timer. Never blocks.
     *
     * @param pageKey   the Page (any stable key); {@code null} is a key of its own
     * @param rateClass {@link RateClass#NONE} (or {@code null}) runs at once
     */
    public boolean acquire(String pageKey, RateClass rateClass, Runnable whenPermitted) {
        long interval = rateClass == null || rateClass == RateClass.NONE ? 0 : intervalNanos[rateClass.ordinal()];
        return acquire(pageKey, rateClass, interval, whenPermitted);
    }

    /**
     * Like {@link #acquire(String, RateClass, Runnable)}, with the caller's own interval between permits (see
     * {@link #intervalNanos(int)}); 0 runs at once.
     *
     * @return false, without running it, when the pair's queue already holds {@link #maxQueued(int)} calls
     */
    public boolean acquire(String pageKey, RateClass rateClass, long interval, Runnable whenPermitted) {
        if (rateClass == null || rateClass == RateClass.NONE || interval <= 0) {
            whenPermitted.run();
            return true;
        }
        int index = rateClass.ordinal();
        String key = pageKey == null ? "" : pageKey;
        long now = nanoClock.getAsLong();
        if (now - nextSweep.get() >= 0) {
            sweep(now);
        }
        Map<String, Bucket> map = buckets[index];
        for (;;) {
            Bucket bucket = map.get(key);
            if (bucket == null) {
                bucket = map.computeIfAbsent(key, k -> new Bucket(now));
            }
            int outcome = bucket.acquire(now, interval, whenPermitted, maxQueued);
            if (outcome == GRANTED) {
                whenPermitted.run();
                return true;
            } else if (outcome == QUEUED_NEEDS_TIMER) {
                schedule(bucket, bucket.nanosToNextSlot(now));
                return true;
            } else if (outcome == QUEUED) {
                return true;
            } else if (outcome == FULL) {
                return false;
            }
            // retired by a concurrent sweep: make sure it is gone, then use a fresh one
            map.remove(key, bucket);
        }
    }

    private void schedule(Bucket bucket, long delayNanos) {
        // round up: a timer that fires early would only have to be set again
        long delayMillis = Math.max(1, (delayNanos + 999_999) / 1_000_000);
        scheduler.schedule(delayMillis, () -> drain(bucket));
    }

    /** Runs every waiter whose slot has come, then sets the timer for the next one. */
    private void drain(Bucket bucket) {
        for (;;) {
            Runnable next;
            long wait;
            synchronized (bucket) {
                if (bucket.waiting.isEmpty()) {
                    bucket.timerSet = false;
                    return;
                }
                long now = nanoClock.getAsLong();
                if (now - bucket.nextSlot >= 0) {
                    Waiter waiter = bucket.waiting.poll();
                    next = waiter.task();
                    bucket.take(now, waiter.interval());
                    wait = 0;
                } else {
                    next = null;
                    wait = bucket.nextSlot - now;
                }
            }
            if (next == null) {
                schedule(bucket, wait);
                return;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // one caller's bug must not strand the callers queued behind it
                LOG.warn("A paced task failed: {}", e.toString(), e);
            }
        }
    }

    /** Forgets pairs idle for a minute. Runs on whichever caller first sees the sweep due. */
    private void sweep(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            return;
        }
        for (Map<String, Bucket> map : buckets) {
            map.entrySet().removeIf(e -> e.getValue().retireIfIdle(now));
        }
    }

    /** How many (page, class) pairs are currently tracked. */
    int trackedKeys() {
        int n = 0;
        for (Map<String, Bucket> map : buckets) {
            n += map.size();
        }
        return n;
    }

    /** A queued call and the share of the schedule it takes. */
    private record Waiter(Runnable task, long interval) {
    }

    private static final class Bucket {

        final ArrayDeque<Waiter> waiting = new ArrayDeque<>(4);
        /** The earliest time (System.nanoTime scale) the next permit may be used. */
        long nextSlot;
        boolean timerSet;
        boolean retired;

        Bucket(long now) {
            this.nextSlot = now;
        }

        synchronized int acquire(long now, long interval, Runnable task, int maxQueued) {
            if (retired) {
                return RETIRED;
            }
            if (!timerSet && now - nextSlot >= 0) {
                take(now, interval);
                return GRANTED;
            }
            if (waiting.size() >= maxQueued) {
                return FULL;
            }
            waiting.add(new Waiter(task, interval));
            if (timerSet) {
                return QUEUED;
            }
            timerSet = true;
            return QUEUED_NEEDS_TIMER;
        }

        synchronized long nanosToNextSlot(long now) {
            return nextSlot - now;
        }

        /**
         * Uses the slot due now. A slot missed by a late timer may still be used (up to {@code catchUp}), so the
         * pair keeps its full rate despite millisecond timers; an idle pair restarts from now and never bursts.
         */
        void take(long now, long interval) {
            // no slot is handed out as early as half an interval, so an idle pair never grants two calls at once
            long catchUp = Math.min(interval / 2, MAX_CATCH_UP_NANOS);
            long floor = now - catchUp;
            nextSlot = (nextSlot - floor >= 0 ? nextSlot : floor) + interval;
        }

        synchronized boolean retireIfIdle(long now) {
            if (!timerSet && waiting.isEmpty() && now - nextSlot >= IDLE_NANOS) {
                retired = true;
            }
            return retired;
        }
    }
}
