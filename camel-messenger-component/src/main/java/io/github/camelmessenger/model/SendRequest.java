package io.github.camelmessenger.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A complete Send API request body ({@code POST /{page-id}/messages}): a message or a sender action for one recipient.
 *
 * @param recipient        who receives it
 * @param messagingType    {@code RESPONSE}, {@code UPDATE} or {@code MESSAGE_TAG}
 * @param tag              the message tag, with {@code MESSAGE_TAG} only (e.g. {@code HUMAN_AGENT})
 * @param notificationType {@code REGULAR}, {@code SILENT_PUSH} or {@code NO_PUSH}
 * @param personaId        show a persona as the sender
 * @param message          the message (not with a sender action)
 * @param senderAction     {@code typing_on}, {@code typing_off}, {@code mark_seen}, {@code react}, {@code unreact}
 * @param payload          the payload of {@code react}/{@code unreact} ({@code message_id}, {@code reaction})
 * @param threadControl    pass or release thread control after this message
 * @param replyToMid       the id of the message this one quotes, serialized as {@code "reply_to": {"mid": ...}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "recipient", "messaging_type", "tag", "notification_type", "persona_id", "reply_to", "message",
        "sender_action", "payload", "thread_control" })
public record SendRequest(
        @JsonProperty("recipient") Recipient recipient,
        @JsonProperty("messaging_type") String messagingType,
        @JsonProperty("tag") String tag,
        @JsonProperty("notification_type") String notificationType,
        @JsonProperty("persona_id") String personaId,
        @JsonProperty("message") Message message,
        @JsonProperty("sender_action") String senderAction,
        @JsonProperty("payload") Map<String, Object> payload,
        @JsonProperty("thread_control") ThreadControl threadControl,
        @JsonIgnore String replyToMid) {

    public static final String RESPONSE = "RESPONSE";
    public static final String UPDATE = "UPDATE";
    public static final String MESSAGE_TAG = "MESSAGE_TAG";

    public SendRequest {
        payload = ModelLists.copy(payload);
    }

    /** The wire form of {@link #replyToMid()}. */
    @JsonProperty("reply_to")
    public Map<String, String> replyTo() {
        return replyToMid == null ? null : Map.of("mid", replyToMid);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, e.g. to fill in the recipient or messaging type. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.recipient = recipient;
        b.messagingType = messagingType;
        b.tag = tag;
        b.notificationType = notificationType;
        b.personaId = personaId;
        b.message = message;
        b.senderAction = senderAction;
        b.payload = payload;
        b.threadControl = threadControl;
        b.replyToMid = replyToMid;
        return b;
    }

    public static final class Builder {
        private Recipient recipient;
        private String messagingType;
        private String tag;
        private String notificationType;
        private String personaId;
        private Message message;
        private String senderAction;
        private Map<String, Object> payload;
        private ThreadControl threadControl;
        private String replyToMid;

        private Builder() {
        }

        public Builder recipient(Recipient recipient) {
            this.recipient = recipient;
            return this;
        }

        public Builder messagingType(String messagingType) {
            this.messagingType = messagingType;
            return this;
        }

        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        public Builder notificationType(String notificationType) {
            this.notificationType = notificationType;
            return this;
        }

        public Builder personaId(String personaId) {
            this.personaId = personaId;
            return this;
        }

        public Builder message(Message message) {
            this.message = message;
            return this;
        }

        public Builder senderAction(String senderAction) {
            this.senderAction = senderAction;
            return this;
        }

        public Builder senderAction(SenderAction senderAction) {
            this.senderAction = senderAction == null ? null : senderAction.wireName();
            return this;
        }

        public Builder payload(Map<String, ?> payload) {
            this.payload = ModelLists.copy(payload);
            return this;
        }

        public Builder threadControl(ThreadControl threadControl) {
            this.threadControl = threadControl;
            return this;
        }

        public Builder replyToMid(String replyToMid) {
            this.replyToMid = replyToMid;
            return this;
        }

        public SendRequest build() {
            return new SendRequest(recipient, messagingType, tag, notificationType, personaId, message, senderAction,
                    payload, threadControl, replyToMid);
        }
    }
}
