package io.github.camelmessenger.otn.store;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The mutable rows of the {@link InMemoryOtnStore}, guarded by its lock. */
final class InMemoryRows {

    private InMemoryRows() {
    }

    /** Mutable state of one token. */
    static final class TokenRow {
        final OtnToken token;
        TokenStatus status = TokenStatus.VALID;
        String owner;
        Instant leaseUntil;
        String reason;
        Instant updatedAt;

        TokenRow(OtnToken token, Instant now) {
            this.token = token;
            this.updatedAt = now;
        }

        ContactKey holder() {
            return new ContactKey(token.pageId(), token.psid());
        }

        StoredToken snapshot() {
            return new StoredToken(token, status, owner, leaseUntil, reason, updatedAt);
        }
    }

    /** Mutable state of one contact. */
    static final class ContactRow {
        final Map<String, String> attributes = new TreeMap<>();
        final Instant createdAt;
        Instant updatedAt;

        ContactRow(Instant now) {
            this.createdAt = now;
            this.updatedAt = now;
        }

        Contact snapshot(ContactKey key) {
            return new Contact(key.pageId(), key.psid(), attributes, null, createdAt, updatedAt);
        }
    }
}
