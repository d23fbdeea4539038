package io.github.camelmessenger.otn.store;

/**
 * Life cycle of a stored One-Time Notification token.
 *
 * <pre>
 *   VALID --claim--> CLAIMED --consume--> CONSUMED   (the one message was sent)
 *                       |    --retire---> RETIRED    (permanent platform error: never sent again)
 *                       |    --release--> VALID      (transient error: next poll tries again)
 *                       `--lease expired, next claim--> VALID --> CLAIMED (by another node)
 *   VALID --expires_at passed, next claim of the topic--> RETIRED (reason "expired")
 * </pre>
 *
 * A batch of {@link OtnStore#claimBatch} on PostgreSQL holds its tokens by row locks instead: they stay VALID in the
 * table until the batch is finished, then go straight to CONSUMED or RETIRED (or stay VALID when unsent).
 */
public enum TokenStatus {
    /** Stored from an opt-in and not used yet; claimable while not expired. */
    VALID,
    /** Handed to one sender under a lease; no other caller gets it until consumed, retired, released or the lease ends. */
    CLAIMED,
    /** Used for its one message. Final. */
    CONSUMED,
    /** Never to be sent: the platform refused it permanently, or it expired. Final. */
    RETIRED;

    /** Whether the token can never change status again. */
    public boolean isFinal() {
        return this == CONSUMED || this == RETIRED;
    }
}
