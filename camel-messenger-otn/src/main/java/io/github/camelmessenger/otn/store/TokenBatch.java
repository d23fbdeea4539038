package io.github.camelmessenger.otn.store;

import java.time.Duration;
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

    /**
     * Extends the hold on the batch's tokens by {@code lease} from now, while the batch waits to be sent, is sent, or
     * its outcomes wait to be written: a claim covers the batch's whole life, not only the time after the claim. The
     * default (a batch that holds its tokens some other way) does nothing.
     *
     * @return false when the batch no longer holds its tokens (its transaction ended, its lease lapsed): tokens not
     *         sent yet must not be sent, another claim may have them
     */
    default boolean renew(Duration lease) {
        return true;
    }
}
