package io.github.camelmessenger.internal.graph;

import java.util.Comparator;
import java.util.PriorityQueue;

/** A clock and timer queue only the test moves, so pacing can be asserted exactly. */
final class ManualScheduler implements PageRateLimiter.Scheduler {

    private record Task(long due, long sequence, Runnable action) {
    }

    private final PriorityQueue<Task> tasks
            = new PriorityQueue<>(Comparator.comparingLong(Task::due).thenComparingLong(Task::sequence));
    private long nanos = 5_000_000_000L;
    private long sequence;

    synchronized long now() {
        return nanos;
    }

    @Override
    public synchronized void schedule(long delayMillis, Runnable task) {
        if (delayMillis < 1) {
            throw new IllegalArgumentException("Vert.x timers need at least 1 ms, got " + delayMillis);
        }
        tasks.add(new Task(nanos + delayMillis * 1_000_000L, sequence++, task));
    }

    synchronized int pending() {
        return tasks.size();
    }

    void advanceMillis(long millis) {
        advanceNanos(millis * 1_000_000L);
    }

    /** Moves the clock forward, running each timer at its due time (outside the lock: timers set new timers). */
    void advanceNanos(long delta) {
        long target;
        synchronized (this) {
            target = nanos + delta;
        }
        for (;;) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due() > target) {
                    nanos = target;
                    return;
                }
                tasks.poll();
                nanos = Math.max(nanos, next.due());
            }
            next.action().run();
        }
    }
}
