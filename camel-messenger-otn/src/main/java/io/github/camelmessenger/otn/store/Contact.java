package io.github.camelmessenger.otn.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A user of a Page known to the OTN store: created by an opt-in, an attribute or an inbound message.
 *
 * @param pageId      the Page
 * @param psid        the user's page-scoped id
 * @param attributes  e.g. {@code email}, {@code phone} (read-only, sorted by name)
 * @param lastInbound the user's latest inbound message, from the conversation state (also what the webhook consumer
 *                    recorded), or null
 * @param createdAt   when the store first saw the contact
 * @param updatedAt   the last change of attributes, or of the inbound time recorded through the store
 */
public record Contact(String pageId, String psid, Map<String, String> attributes, Instant lastInbound,
        Instant createdAt, Instant updatedAt) {

    public Contact {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(psid, "psid");
        attributes = sortedCopy(attributes);
        lastInbound = StoreArgs.millis(lastInbound);
        createdAt = StoreArgs.millis(createdAt);
        updatedAt = StoreArgs.millis(updatedAt);
    }

    public ContactKey key() {
        return new ContactKey(pageId, psid);
    }

    /** Attribute values are personal data (e-mail, phone): only their names are shown. */
    @Override
    public String toString() {
        return "Contact[pageId=" + pageId + ", psid=" + psid + ", attributes=" + attributes.keySet() + ", lastInbound="
               + lastInbound + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }

    static Map<String, String> sortedCopy(Map<String, String> attributes) {
        return attributes == null || attributes.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(attributes));
    }
}
