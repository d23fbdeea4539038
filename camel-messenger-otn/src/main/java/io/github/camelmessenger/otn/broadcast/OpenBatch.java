package io.github.camelmessenger.otn.broadcast;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.camelmessenger.otn.store.ClaimedToken;
import io.github.camelmessenger.otn.store.TokenBatch;

/**
 * A claimed batch while its tokens are being sent: collects each token's outcome and, once every token has one, hands
 * the batch to be finished in the store. A token without a send (never emitted, or failed transiently) counts as
 * unsent.
 */
final class OpenBatch {

    private final TokenBatch batch;
    private final Consumer<OpenBatch> whenSettled;
    private final Consumer<List<String>> stillHeld;
    private final Set<String> consumed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> retired = new ConcurrentHashMap<>();
    private final Set<String> outcomes = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open;
    private final AtomicBoolean handedOver = new AtomicBoolean();

    /**
     * @param whenSettled gets the batch once every token has an outcome (or it is forced)
     * @param stillHeld   gets the unsent tokens the owner still holds after {@link #finish}, to release later
     */
    OpenBatch(TokenBatch batch, Consumer<OpenBatch> whenSettled, Consumer<List<String>> stillHeld) {
        this.batch = batch;
        this.whenSettled = whenSettled;
        this.stillHeld = stillHeld;
        this.open = new AtomicInteger(batch.tokens().size());
    }

    List<ClaimedToken> tokens() {
        return batch.tokens();
    }

    TokenBatch batch() {
        return batch;
    }

    void consumed(String token) {
        if (record(token)) {
            consumed.add(token);
            countDown();
        }
    }

    void retired(String token, String reason) {
        if (record(token)) {
            retired.put(token, reason == null ? "" : reason);
            countDown();
        }
    }

    void unsent(String token) {
        if (record(token)) {
            countDown();
        }
    }

    /**
     * Hands the batch over with the outcomes known so far (a stopping consumer that cannot wait for the rest).
     *
     * @return false if it was already handed over
     */
    boolean forceSettled() {
        return handOver();
    }

    /** Writes the outcomes to the store and hands on the unsent tokens the owner still holds. */
    void finish() {
        List<String> held = batch.finish(Set.copyOf(consumed), Map.copyOf(retired));
        if (!held.isEmpty()) {
            stillHeld.accept(held);
        }
    }

    int size() {
        return batch.tokens().size();
    }

    boolean isHandedOver() {
        return handedOver.get();
    }

    /** @return false for a second outcome of one token or an outcome after the hand-over: it is ignored */
    private boolean record(String token) {
        return !handedOver.get() && outcomes.add(token);
    }

    private void countDown() {
        if (open.decrementAndGet() == 0) {
            handOver();
        }
    }

    private boolean handOver() {
        if (handedOver.compareAndSet(false, true)) {
            whenSettled.accept(this);
            return true;
        }
        return false;
    }
}
