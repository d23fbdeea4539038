package io.github.camelmessenger.otn.broadcast;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.camelmessenger.otn.store.OtnStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the fate of claimed tokens to the store, off the thread that completes the exchange (a Vert.x event loop must
 * not wait for JDBC): settled batches and releases queue up, one thread drains the queue. The sooner a batch is
 * finished, the smaller the window in which a crash leaves a sent token unrecorded (to be re-sent and refused by the
 * platform).
 */
final class Settler {

    private static final Logger LOG = LoggerFactory.getLogger(Settler.class);
    private static final long MAX_PAUSE_MILLIS = 1000;

    /** One write; {@link #done} runs once, after it succeeded or was given up. */
    private interface Work {
        void write();

        void done();

        int tokens();
    }

    private final OtnStore store;
    private final String owner;
    private final ExecutorService executor;
    private final Consumer<OpenBatch> finished;
    private final ConcurrentLinkedQueue<Work> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Work> failed = new ArrayList<>();
    private final long leaseMillis;
    private int failedAttempts;
    private long failingSince;

    /**
     * @param finished    called once per batch, after its outcomes were written or given up
     * @param leaseMillis how long failed writes are retried: the claims are renewed while the database answers, so
     *                    once it has not for a lease, they may have lapsed and the writes are given up
     */
    Settler(OtnStore store, String owner, ExecutorService executor, Consumer<OpenBatch> finished, long leaseMillis) {
        this.store = store;
        this.owner = owner;
        this.executor = executor;
        this.finished = finished;
        this.leaseMillis = leaseMillis;
    }

    /** Writes the outcomes of a batch whose tokens all have one. */
    void finish(OpenBatch batch) {
        submit(new Work() {
            @Override
            public void write() {
                batch.finish();
            }

            @Override
            public void done() {
                finished.accept(batch);
            }

            @Override
            public int tokens() {
                return batch.size();
            }
        });
    }

    /** Returns tokens the owner holds to the pool. */
    void release(Collection<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        List<String> all = List.copyOf(tokens);
        submit(new Work() {
            @Override
            public void write() {
                store.releaseAll(all, owner);
            }

            @Override
            public void done() {
            }

            @Override
            public int tokens() {
                return all.size();
            }
        });
    }

    private void submit(Work work) {
        queue.add(work);
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RuntimeException rejected) {
                // shutting down: the final flush() takes the queue
                scheduled.set(false);
            }
        }
    }

    /** Writes everything queued so far; waits at most {@code timeoutMillis}. */
    void flush(long timeoutMillis) {
        try {
            executor.submit(this::drain).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("Could not flush token settlements: {}", e.toString());
        }
    }

    /** How many tokens have outcomes not written yet. */
    int pending() {
        synchronized (failed) {
            return queue.stream().mapToInt(Work::tokens).sum() + failed.stream().mapToInt(Work::tokens).sum();
        }
    }

    private void drain() {
        scheduled.set(false);
        List<Work> batch = new ArrayList<>();
        synchronized (failed) {
            batch.addAll(failed);
            failed.clear();
        }
        for (Work w; (w = queue.poll()) != null;) {
            batch.add(w);
        }
        List<Work> unwritten = new ArrayList<>();
        for (Work w : batch) {
            try {
                w.write();
                w.done();
            } catch (RuntimeException e) {
                unwritten.add(w);
                LOG.warn("Could not write the outcome of {} token(s): {}", w.tokens(), e.getMessage());
            }
        }
        retryLater(unwritten);
    }

    private void retryLater(List<Work> unwritten) {
        if (unwritten.isEmpty()) {
            failedAttempts = 0;
            return;
        }
        long now = System.nanoTime();
        if (failedAttempts++ == 0) {
            failingSince = now;
        }
        long failingFor = TimeUnit.NANOSECONDS.toMillis(now - failingSince);
        if (failingFor >= leaseMillis) {
            LOG.error("Giving up writing the outcome of {} token(s) after {} attempts in {} ms (the lease): they are "
                      + "claimable again once their claim ends; sent ones will then be refused by the platform and "
                      + "retired", unwritten.stream().mapToInt(Work::tokens).sum(), failedAttempts, failingFor);
            failedAttempts = 0;
            unwritten.forEach(Work::done);
            return;
        }
        synchronized (failed) {
            failed.addAll(unwritten);
        }
        try {
            // doubling pauses, at most a second and never past the lease
            long pause = Math.min(50L << Math.min(failedAttempts - 1, 10), MAX_PAUSE_MILLIS);
            Thread.sleep(Math.max(1, Math.min(pause, leaseMillis - failingFor)));
            if (scheduled.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException rejected) {
            scheduled.set(false);
        }
    }
}
