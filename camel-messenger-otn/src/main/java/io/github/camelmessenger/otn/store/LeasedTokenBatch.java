package io.github.camelmessenger.otn.store;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch over the lease API ({@link OtnStore#claim}, {@link OtnStore#consumeAll}, {@link OtnStore#retire}): the
 * claim is written per token and lasts the lease; unsent tokens stay claimed for the caller to release.
 */
final class LeasedTokenBatch implements TokenBatch {

    private static final Logger LOG = LoggerFactory.getLogger(LeasedTokenBatch.class);

    private final OtnStore store;
    private final String owner;
    private final List<ClaimedToken> tokens;
    private boolean consumedWritten;
    private final Set<String> retiredWritten = new HashSet<>();

    LeasedTokenBatch(OtnStore store, String owner, List<ClaimedToken> tokens) {
        this.store = store;
        this.owner = owner;
        this.tokens = List.copyOf(tokens);
    }

    @Override
    public List<ClaimedToken> tokens() {
        return tokens;
    }

    /** Extends the lease of the tokens not finished yet; a store that cannot renew keeps the claim's lease. */
    @Override
    public synchronized boolean renew(Duration lease) {
        if (consumedWritten) {
            return true;
        }
        List<String> held = tokens.stream().map(ClaimedToken::tokenValue).toList();
        if (held.isEmpty()) {
            return true;
        }
        try {
            int renewed = store.renewAll(held, owner, lease);
            if (renewed < held.size()) {
                LOG.warn("Batch of {} token(s) of {}: {} claim(s) lapsed before the batch was sent; they are not sent "
                         + "by this batch", held.size(), owner, held.size() - renewed);
                return false;
            }
            return true;
        } catch (UnsupportedOperationException noRenewal) {
            return true;
        }
    }

    @Override
    public synchronized List<String> finish(Collection<String> consumed, Map<String, String> retired) {
        if (!consumedWritten && !consumed.isEmpty()) {
            store.consumeAll(consumed, owner);
        }
        consumedWritten = true;
        for (Map.Entry<String, String> r : retired.entrySet()) {
            if (retiredWritten.contains(r.getKey())) {
                continue; // written by an earlier, partly failed call
            }
            boolean retiredNow = store.retire(r.getKey(), owner, r.getValue());
            retiredWritten.add(r.getKey());
            if (retiredNow) {
                LOG.warn("Retired token {}: {}", OtnToken.fingerprint(r.getKey()), r.getValue());
            }
        }
        return tokens.stream().map(ClaimedToken::tokenValue)
                .filter(t -> !consumed.contains(t) && !retired.containsKey(t)).toList();
    }
}
