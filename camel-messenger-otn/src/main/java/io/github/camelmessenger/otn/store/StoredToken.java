package io.github.camelmessenger.otn.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A token with its current state in the store, for reporting and tests.
 *
 * @param token      the opt-in data
 * @param status     the current status
 * @param claimOwner the caller that holds or last held the claim: kept when the token is consumed or retired (for
 *                   reporting) and when its lease ends; null for a token never claimed or released
 * @param leaseUntil while CLAIMED: when the claim lapses and the token may be claimed again; otherwise null
 * @param reason     why the token was retired (or null)
 * @param updatedAt  the last status change (the store time of storing for a token never claimed)
 */
public record StoredToken(OtnToken token, TokenStatus status, String claimOwner, Instant leaseUntil, String reason,
        Instant updatedAt) {

    public StoredToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(status, "status");
        leaseUntil = StoreArgs.millis(leaseUntil);
        updatedAt = StoreArgs.millis(updatedAt);
    }
}
