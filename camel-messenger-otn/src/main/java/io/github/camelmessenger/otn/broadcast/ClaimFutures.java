package io.github.camelmessenger.otn.broadcast;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelmessenger.otn.store.ClaimedToken;
import io.github.camelmessenger.otn.store.TokenBatch;
import org.apache.camel.RuntimeCamelException;

/** Waiting for the claims a broadcast run makes ahead of its sends, also when the run is stopped meanwhile. */
final class ClaimFutures {

    private static final TokenBatch EMPTY = new TokenBatch() {
        @Override
        public List<ClaimedToken> tokens() {
            return List.of();
        }

        @Override
        public List<String> finish(Collection<String> consumed, Map<String, String> retired) {
            return List.of();
        }
    };

    private ClaimFutures() {
    }

    static TokenBatch await(Future<TokenBatch> claim) {
        try {
            return claim.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            TokenBatch inVain = claimedInVain(claim); // stopping: what it claimed goes back to the pool
            return inVain == null ? EMPTY : inVain;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new RuntimeCamelException(e.getCause());
        }
    }

    /** A claim the run will not use: waits for it (even when interrupted) so its tokens can be handed back. */
    static TokenBatch claimedInVain(Future<TokenBatch> claim) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    return claim.get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | TimeoutException e) {
                    return null; // nothing claimed, or its claim will end by itself
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
