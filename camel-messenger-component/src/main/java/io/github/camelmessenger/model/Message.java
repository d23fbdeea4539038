package io.github.camelmessenger.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code message} of a Send API request: exactly one of {@code text}, {@code attachment} or {@code attachments}
 * (images only), with optional quick replies and metadata.
 *
 * @param text         up to 2000 characters
 * @param attachment   a file or a template
 * @param attachments  up to 30 image attachments
 * @param quickReplies up to 13
 * @param metadata     echoed back in the {@code message_echoes} webhook, up to 1000 characters
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "text", "attachment", "attachments", "quick_replies", "metadata" })
public record Message(
        @JsonProperty("text") String text,
        @JsonProperty("attachment") Attachment attachment,
        @JsonProperty("attachments") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Attachment> attachments,
        @JsonProperty("quick_replies") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<QuickReply> quickReplies,
        @JsonProperty("metadata") String metadata) {

    public Message {
        attachments = ModelLists.copy(attachments, "attachments");
        quickReplies = ModelLists.copy(quickReplies, "quickReplies");
    }

    public static Message text(String text) {
        return new Message(text, null, null, null, null);
    }

    public static Message attachment(Attachment attachment) {
        return new Message(null, attachment, null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.attachment = attachment;
        b.attachments = attachments;
        b.quickReplies = quickReplies;
        b.metadata = metadata;
        return b;
    }

    public static final class Builder {
        private String text;
        private Attachment attachment;
        private List<Attachment> attachments;
        private List<QuickReply> quickReplies;
        private String metadata;

        private Builder() {
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder attachment(Attachment attachment) {
            this.attachment = attachment;
            return this;
        }

        /** Several images in one message ({@code attachments}); replaces any earlier list. */
        public Builder attachments(List<Attachment> attachments) {
            this.attachments = attachments == null ? null : List.copyOf(attachments);
            return this;
        }

        /** Adds one quick reply. */
        public Builder quickReply(QuickReply quickReply) {
            this.quickReplies = ModelLists.append(quickReplies, quickReply);
            return this;
        }

        /** Replaces the quick replies. */
        public Builder quickReplies(List<QuickReply> quickReplies) {
            this.quickReplies = quickReplies == null ? null : List.copyOf(quickReplies);
            return this;
        }

        public Builder metadata(String metadata) {
            this.metadata = metadata;
            return this;
        }

        public Message build() {
            return new Message(text, attachment, attachments, quickReplies, metadata);
        }
    }
}
