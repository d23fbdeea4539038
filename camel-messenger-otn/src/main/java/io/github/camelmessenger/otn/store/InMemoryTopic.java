package io.github.camelmessenger.otn.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelmessenger.otn.store.InMemoryRows.TokenRow;

/** The tokens of one topic of an {@link InMemoryOtnStore}, indexed for claims. Guarded by the store's lock. */
final class InMemoryTopic {

    private static final Comparator<TokenRow> BY_CREATED = Comparator.<TokenRow, Instant> comparing(r -> r.token.createdAt())
            .thenComparing(r -> r.token.token());
    private static final Comparator<TokenRow> BY_EXPIRY = Comparator.<TokenRow, Instant> comparing(r -> r.token.expiresAt())
            .thenComparing(r -> r.token.token());

    /** VALID tokens, oldest opt-in first: the claim order. */
    final NavigableSet<TokenRow> valid = new TreeSet<>(BY_CREATED);
    /** VALID tokens, soonest expiry first: for retiring expired ones without a full scan. */
    final NavigableSet<TokenRow> validByExpiry = new TreeSet<>(BY_EXPIRY);
    final Set<TokenRow> claimed = new HashSet<>();
    final Map<ContactKey, List<TokenRow>> byHolder = new HashMap<>();

    void add(TokenRow row) {
        byHolder.computeIfAbsent(row.holder(), k -> new ArrayList<>(1)).add(row);
        valid.add(row);
        validByExpiry.add(row);
    }

    void change(TokenRow row, TokenStatus to, Instant now) {
        if (row.status == TokenStatus.VALID) {
            valid.remove(row);
            validByExpiry.remove(row);
        } else if (row.status == TokenStatus.CLAIMED) {
            claimed.remove(row);
        }
        row.status = to;
        row.updatedAt = now;
        if (to == TokenStatus.VALID) {
            valid.add(row);
            validByExpiry.add(row);
        } else if (to == TokenStatus.CLAIMED) {
            claimed.add(row);
        }
    }

    void housekeeping(Instant now) {
        for (TokenRow row : List.copyOf(claimed)) {
            if (row.leaseUntil.isBefore(now)) {
                change(row, TokenStatus.VALID, now);
                row.leaseUntil = null; // the owner stays: a slow owner may still consume until another claim
            }
        }
        while (!validByExpiry.isEmpty() && validByExpiry.first().token.isExpiredAt(now)) {
            TokenRow row = validByExpiry.first();
            change(row, TokenStatus.RETIRED, now);
            row.owner = null;
            row.reason = "expired";
        }
    }

    boolean holderBlocked(ContactKey holder, Instant now, Instant handledSince) {
        for (TokenRow other : byHolder.get(holder)) {
            if (other.status == TokenStatus.CLAIMED && !other.leaseUntil.isBefore(now)) {
                return true;
            }
            if (handledSince != null && other.status.isFinal() && other.owner != null
                && !other.updatedAt.isBefore(handledSince)) {
                return true;
            }
        }
        return false;
    }
}
