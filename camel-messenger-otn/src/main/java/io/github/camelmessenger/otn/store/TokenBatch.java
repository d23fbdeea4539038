package io.github.camelmessenger.otn.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Tokens claimed together by {@link OtnStore#claimBatch}: send their messages, then {@link #finish} the batch once
 * with the outcome of every token. Each token of the batch is held by the claiming owner until then.
 */
public interface TokenBatch {

    /** The claimed tokens, oldest opt-in first; empty when nothing was claimable. */
    List<ClaimedToken> tokens();

    /**
     * Ends the batch: {@code consumed} tokens become {@link TokenStatus#CONSUMED}, {@code retired} ones
     * {@link TokenStatus#RETIRED} with their reason. Every other token of the batch was not sent (a transient failure,
     * or never emitted). Call once; after a failure (an {@link OtnStoreException}) calling again retries the writes.
     *
     * @param  consumed tokens whose one message was sent
     * @param  retired  tokens the platform refused for good, with the reason
     * @return          the unsent tokens that the owner still holds and must {@link OtnStore#releaseAll release} when
     *                  they may be claimed again; empty when the store has already made them claimable
     */
    List<String> finish(Collection<String> consumed, Map<String, String> retired);
}
