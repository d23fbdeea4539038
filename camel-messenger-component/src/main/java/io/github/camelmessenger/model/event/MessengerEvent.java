package io.github.camelmessenger.model.event;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One webhook event: an item of {@code entry[].messaging[]}, {@code entry[].standby[]} or {@code entry[].changes[]}.
 * The body of every exchange the {@code messenger:webhook} consumer emits. Camel converts it to a {@code Map} or JSON
 * {@code String} on demand (see {@link MessengerEventConverter}).
 *
 * @param type        the kind of event
 * @param pageId      the Page the event belongs to (for echoes the sender, as the Page sent the message)
 * @param senderId    {@code sender.id} as sent: the user's PSID, or the Page for echoes; null for app_roles and
 *                    plugin guests
 * @param userRef     {@code sender.user_ref} of a chat-plugin guest, else null
 * @param recipientId {@code recipient.id} as sent: the Page, or the user for echoes
 * @param timestamp   the event time in milliseconds since the epoch (0 when the platform sent none)
 * @param standby     true for events of the standby channel (another app owns the thread)
 * @param payload     the kind-specific part
 * @param raw         the event's JSON exactly as delivered
 */
public record MessengerEvent(MessengerEventType type, String pageId, String senderId, String userRef,
                             String recipientId, long timestamp, boolean standby, EventPayload payload, JsonNode raw) {

    public MessengerEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        raw = raw == null ? JsonNodeFactory.instance.objectNode() : raw;
    }

    /** The message of a message, quick_reply or echo event, else null. */
    public ReceivedMessage message() {
        return payload instanceof ReceivedMessage m ? m : null;
    }

    /** The postback of a postback event, else null. */
    public Postback postback() {
        return payload instanceof Postback p ? p : null;
    }

    /** The opt-in of an optin or one_time_notif_optin event, else null. */
    public Optin optin() {
        return payload instanceof Optin o ? o : null;
    }

    /** The referral of a referral event, else null. */
    public Referral referral() {
        return payload instanceof Referral r ? r : null;
    }

    /** The comment of a comment event, else null. */
    public Comment comment() {
        return payload instanceof Comment c ? c : null;
    }

    /** The reaction of a reaction event, else null. */
    public Reaction reaction() {
        return payload instanceof Reaction r ? r : null;
    }

    /**
     * The message id the event is about: the message's (message, quick_reply, echo), the postback's, or the
     * reacted-to message's; else null.
     */
    public String mid() {
        if (payload instanceof ReceivedMessage m) {
            return m.mid();
        } else if (payload instanceof Postback p) {
            return p.mid();
        } else if (payload instanceof Reaction r) {
            return r.mid();
        }
        return null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().type(type).pageId(pageId).senderId(senderId).userRef(userRef).recipientId(recipientId)
                .timestamp(timestamp).standby(standby).payload(payload).raw(raw);
    }

    @Override
    public String toString() {
        // the raw JSON may carry personal data; keep it out of logs
        return "MessengerEvent[type=" + type + ", pageId=" + pageId + ", senderId=" + senderId + ", timestamp="
               + timestamp + ", standby=" + standby + ", mid=" + mid() + "]";
    }

    public static final class Builder {
        private MessengerEventType type;
        private String pageId;
        private String senderId;
        private String userRef;
        private String recipientId;
        private long timestamp;
        private boolean standby;
        private EventPayload payload;
        private JsonNode raw;

        private Builder() {
        }

        public Builder type(MessengerEventType type) {
            this.type = type;
            return this;
        }

        public Builder pageId(String pageId) {
            this.pageId = pageId;
            return this;
        }

        public Builder senderId(String senderId) {
            this.senderId = senderId;
            return this;
        }

        public Builder userRef(String userRef) {
            this.userRef = userRef;
            return this;
        }

        public Builder recipientId(String recipientId) {
            this.recipientId = recipientId;
            return this;
        }

        public Builder timestamp(long timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        public Builder standby(boolean standby) {
            this.standby = standby;
            return this;
        }

        public Builder payload(EventPayload payload) {
            this.payload = payload;
            return this;
        }

        public Builder raw(JsonNode raw) {
            this.raw = raw;
            return this;
        }

        public MessengerEvent build() {
            return new MessengerEvent(type, pageId, senderId, userRef, recipientId, timestamp, standby, payload, raw);
        }
    }
}
