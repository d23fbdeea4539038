package io.github.camelmessenger.otn.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * A token handed to one caller by {@link OtnStore#claim}: send its one message, then
 * {@link OtnStore#consume consume}, {@link OtnStore#retire retire} or {@link OtnStore#release release} it with the
 * same owner before {@code leaseUntil}.
 *
 * @param token      the opt-in data (page, PSID, topic, token value, payload)
 * @param owner      the claim owner given to {@code claim}
 * @param leaseUntil when the claim lapses: after it another caller may claim the token again
 * @param attributes the holder's contact attributes at claim time (read-only, sorted by name)
 */
public record ClaimedToken(OtnToken token, String owner, Instant leaseUntil, Map<String, String> attributes) {

    /** The order claims hand tokens out in: opt-in time, then token value. */
    public static final Comparator<ClaimedToken> CLAIM_ORDER = Comparator
            .<ClaimedToken, Instant> comparing(c -> c.token().createdAt()).thenComparing(ClaimedToken::tokenValue);

    public ClaimedToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(owner, "owner");
        leaseUntil = StoreArgs.millis(Objects.requireNonNull(leaseUntil, "leaseUntil"));
        attributes = Contact.sortedCopy(attributes);
    }

    public String pageId() {
        return token.pageId();
    }

    public String psid() {
        return token.psid();
    }

    public String topic() {
        return token.topic();
    }

    /** The secret token value, to put into {@code recipient.one_time_notif_token}. */
    public String tokenValue() {
        return token.token();
    }

    public String payload() {
        return token.payload();
    }

    @Override
    public String toString() {
        return "ClaimedToken[" + token + ", owner=" + owner + ", leaseUntil=" + leaseUntil + ", attributes="
               + attributes.keySet() + "]";
    }
}
