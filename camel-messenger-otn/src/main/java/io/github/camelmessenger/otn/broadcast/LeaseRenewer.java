package io.github.camelmessenger.otn.broadcast;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.otn.store.TokenBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the claims of a broadcast's batches alive for their whole life: from the claim, while they wait behind the
 * batch being sent (claimed ahead), while they are sent, until their outcomes are written. A lease that starts at the
 * claim would otherwise run out under a batch still waiting or sending, and another node would claim and send the
 * same tokens. Renewed every quarter of the lease on a thread of its own, so a slow database write elsewhere never
 * delays it. A batch whose renewal failed is lost: its tokens not sent yet are not sent.
 */
final class LeaseRenewer {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);

    private final Duration lease;
    private final Map<TokenBatch, Boolean> held = new ConcurrentHashMap<>();
    private ScheduledFuture<?> task;

    LeaseRenewer(Duration lease) {
        this.lease = lease;
    }

    void start(ScheduledExecutorService scheduler) {
        long every = Math.max(20, lease.toMillis() / 4);
        task = scheduler.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** A batch just claimed: renewed until {@link #untrack}. */
    void track(TokenBatch batch) {
        if (!batch.tokens().isEmpty()) {
            held.put(batch, Boolean.TRUE);
        }
    }

    /** The batch's outcomes are written (or given up): nothing to hold any more. */
    void untrack(TokenBatch batch) {
        held.remove(batch);
    }

    /** @return false once a renewal of the batch failed: its unsent tokens may be another claim's now */
    boolean holds(TokenBatch batch) {
        return !Boolean.FALSE.equals(held.get(batch));
    }

    int tracked() {
        return held.size();
    }

    private void renewAll() {
        for (Map.Entry<TokenBatch, Boolean> e : held.entrySet()) {
            if (!e.getValue()) {
                continue;
            }
            boolean ok;
            try {
                ok = e.getKey().renew(lease);
            } catch (RuntimeException failed) {
                LOG.warn("Cannot renew the claim of a batch of {} token(s): {}", e.getKey().tokens().size(),
                        failed.getMessage());
                ok = false;
            }
            if (!ok) {
                held.replace(e.getKey(), Boolean.TRUE, Boolean.FALSE);
            }
        }
    }
}
