package io.github.camelmessenger.state;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a repository's pruning on a daemon thread of its own, every interval, until stopped. */
final class Pruner {

    private final ScheduledExecutorService thread;

    Pruner(String name, Duration interval, Runnable prune) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(prune, every, every, TimeUnit.MILLISECONDS);
    }

    /** A prune in progress finishes (and hands its connection back) before this returns. */
    void stop() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
