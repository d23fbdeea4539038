package io.github.camelmessenger.otn.broadcast;

import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmessenger.otn.MessengerOtnComponent;
import io.github.camelmessenger.otn.store.OtnToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What became of each token a broadcast consumer offered: its batch learns the outcome, the run learns whether the
 * platform is up, and the consumer's counts and meters go up.
 */
final class TokenOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(TokenOutcomes.class);

    private final MessengerOtnComponent component;
    final AtomicLong consumed = new AtomicLong();
    final AtomicLong retired = new AtomicLong();
    final AtomicLong released = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong notDue = new AtomicLong();

    TokenOutcomes(MessengerOtnComponent component) {
        this.component = component;
    }

    /** Not sent, not failed: the token stays the holder's; this run's claims, all after it, never offer it again. */
    void skipped(String token, OpenBatch batch) {
        skipped.incrementAndGet();
        batch.unsent(token);
    }

    /** Outside the holder's local-time window: kept, like a skipped one, without an exchange. */
    void notDue(String token, OpenBatch batch) {
        notDue.incrementAndGet();
        batch.unsent(token);
    }

    void settle(String token, Verdict verdict, BroadcastRun run, OpenBatch batch) {
        component.meters().otnToken(switch (verdict.outcome()) {
            case CONSUME -> "consumed";
            case RETIRE -> "retired";
            case RELEASE, HALT -> "released";
        });
        switch (verdict.outcome()) {
            case CONSUME -> {
                consumed.incrementAndGet();
                run.succeeded();
                batch.consumed(token);
            }
            case RETIRE -> {
                retired.incrementAndGet();
                run.succeeded(); // the platform answered: it is up
                batch.retired(token, verdict.reason());
            }
            case RELEASE, HALT -> {
                released.incrementAndGet();
                if (verdict.outcome() == Verdict.Outcome.HALT) {
                    run.end("the Page cannot send: " + verdict.reason());
                } else {
                    run.failedTransiently(verdict.reason());
                }
                batch.unsent(token);
                LOG.debug("Token {} not sent, back to the pool for a later poll: {}", OtnToken.fingerprint(token),
                        verdict.reason());
            }
        }
    }
}
