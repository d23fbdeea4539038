package io.github.camelmessenger.otn.broadcast;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many exchanges of one consumer are in flight: the polling thread takes a permit per exchange and the
 * exchange's completion gives it back. Waiting for all permits waits for the consumer's exchanges to finish.
 */
final class InFlight {

    private final int max;
    private final Semaphore permits;

    InFlight(int max) {
        this.max = max;
        this.permits = new Semaphore(max);
    }

    /** Waits for a free slot; false if interrupted (the interrupt flag is kept). */
    boolean enter() {
        try {
            permits.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        permits.release();
    }

    /**
     * Waits until no exchange is in flight, at most {@code timeoutMillis}, even when interrupted (a stopping consumer
     * still wants its sends' outcomes); the interrupt flag is restored.
     *
     * @return whether all exchanges finished
     */
    boolean awaitIdle(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    if (permits.tryAcquire(max, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)),
                            TimeUnit.NANOSECONDS)) {
                        permits.release(max);
                        return true;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    int inFlight() {
        return max - permits.availablePermits();
    }
}
