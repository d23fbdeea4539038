package io.github.camelmessenger.otn.broadcast;

import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.OtnToken;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fate of a token claimed for one send ({@code messenger-otn:notify}), decided like a broadcast's when the exchange
 * is done: consumed when a send used it, kept when the route sent nothing with it, otherwise as
 * {@link OutcomeClassifier} says (retired, or released for a later try).
 */
public final class SingleSendOutcome {

    private static final Logger LOG = LoggerFactory.getLogger(SingleSendOutcome.class);

    private SingleSendOutcome() {
    }

    /** Registers the outcome on the exchange: written to the store when the exchange is done. */
    public static void recordWhenDone(Exchange exchange, OtnStore store, String token, String owner) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    record(done, store, token, owner);
                } catch (RuntimeException e) {
                    // the claim lapses after the lease; a sent token then claimed again is refused and retired
                    LOG.warn("Cannot record the outcome of token {}: {}", OtnToken.fingerprint(token), e.getMessage());
                }
            }
        });
    }

    private static void record(Exchange done, OtnStore store, String token, String owner) {
        if (RouteSkip.skipped(done, token)) {
            store.release(token, owner);
            return;
        }
        Verdict verdict = OutcomeClassifier.classify(done, token);
        switch (verdict.outcome()) {
            case CONSUME -> store.consume(token, owner);
            case RETIRE -> {
                if (store.retire(token, owner, verdict.reason())) {
                    LOG.warn("Retired token {}: {}", OtnToken.fingerprint(token), verdict.reason());
                }
            }
            case RELEASE, HALT -> store.release(token, owner);
        }
    }
}
