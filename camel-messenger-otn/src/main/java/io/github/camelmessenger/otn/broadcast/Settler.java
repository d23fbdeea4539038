package io.github.camelmessenger.otn.broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.OtnToken;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the fate of claimed tokens to the store, off the thread that completes the exchange (a Vert.x event loop must
 * not wait for JDBC): completions queue up, one thread drains the queue, consuming in batches. The sooner a token
 * is marked, the smaller the window in which a crash leaves a sent token claimed (to be re-sent after the lease and
 * refused by the platform).
 */
final class Settler {

    private static final Logger LOG = LoggerFactory.getLogger(Settler.class);
    private static final int MAX_ATTEMPTS = 5;

    /** A token to mark CONSUMED, RETIRED (with a reason) or VALID (released). */
    record Settlement(String token, TokenStatus to, String reason) {
    }

    private final OtnStore store;
    private final String owner;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Settlement> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Settlement> failed = new ArrayList<>();
    private int failedAttempts;

    Settler(OtnStore store, String owner, ExecutorService executor) {
        this.store = store;
        this.owner = owner;
        this.executor = executor;
    }

    void consume(String token) {
        submit(new Settlement(token, TokenStatus.CONSUMED, null));
    }

    void retire(String token, String reason) {
        submit(new Settlement(token, TokenStatus.RETIRED, reason));
    }

    void release(String token) {
        submit(new Settlement(token, TokenStatus.VALID, null));
    }

    private void submit(Settlement settlement) {
        queue.add(settlement);
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

    /** How many settlements are not written yet. */
    int pending() {
        synchronized (failed) {
            return queue.size() + failed.size();
        }
    }

    private void drain() {
        scheduled.set(false);
        List<Settlement> batch = new ArrayList<>();
        synchronized (failed) {
            batch.addAll(failed);
            failed.clear();
        }
        for (Settlement s; (s = queue.poll()) != null;) {
            batch.add(s);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<String> consume = new ArrayList<>();
        List<String> release = new ArrayList<>();
        List<Settlement> retire = new ArrayList<>();
        for (Settlement s : batch) {
            switch (s.to()) {
                case CONSUMED -> consume.add(s.token());
                case VALID -> release.add(s.token());
                default -> retire.add(s);
            }
        }
        List<Settlement> unwritten = new ArrayList<>();
        try {
            if (!consume.isEmpty()) {
                store.consumeAll(consume, owner);
            }
        } catch (RuntimeException e) {
            consume.forEach(t -> unwritten.add(new Settlement(t, TokenStatus.CONSUMED, null)));
            LOG.warn("Could not mark {} sent token(s) consumed: {}", consume.size(), e.getMessage());
        }
        try {
            if (!release.isEmpty()) {
                store.releaseAll(release, owner);
            }
        } catch (RuntimeException e) {
            release.forEach(t -> unwritten.add(new Settlement(t, TokenStatus.VALID, null)));
            LOG.warn("Could not release {} token(s): {}", release.size(), e.getMessage());
        }
        for (Settlement s : retire) {
            try {
                if (store.retire(s.token(), owner, s.reason())) {
                    LOG.warn("Retired token {}: {}", OtnToken.fingerprint(s.token()), s.reason());
                }
            } catch (RuntimeException e) {
                unwritten.add(s);
                LOG.warn("Could not retire token {}: {}", OtnToken.fingerprint(s.token()), e.getMessage());
            }
        }
        retryLater(unwritten);
    }

    private void retryLater(List<Settlement> unwritten) {
        if (unwritten.isEmpty()) {
            failedAttempts = 0;
            return;
        }
        if (++failedAttempts >= MAX_ATTEMPTS) {
            LOG.error("Giving up marking {} token(s) after {} attempts: their claims lapse after the lease; sent ones "
                      + "will then be refused by the platform and retired",
                    unwritten.size(), failedAttempts);
            failedAttempts = 0;
            return;
        }
        synchronized (failed) {
            failed.addAll(unwritten);
        }
        try {
            Thread.sleep(50L * failedAttempts);
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
