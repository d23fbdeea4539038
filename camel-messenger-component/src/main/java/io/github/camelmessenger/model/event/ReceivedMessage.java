package io.github.camelmessenger.model.event;

import java.util.List;

/**
 * A message a user sent (event types {@code message} and {@code quick_reply}) or the echo of one the Page sent
 * ({@code echo}).
 *
 * @param mid               the message id
 * @param text              the text, or null for attachment-only messages
 * @param quickReplyPayload the payload of the tapped quick reply, or null
 * @param attachments       the attachments, never null
 * @param replyTo           the message this one replies to, or null
 * @param echo              true for a {@code message_echoes} event
 * @param appId             echoes: the app that sent the message, or null
 * @param metadata          echoes: the metadata given on send, or null
 * @param referral          a referral carried by the message (ads, Shops), or null
 */
public record ReceivedMessage(String mid, String text, String quickReplyPayload, List<ReceivedAttachment> attachments,
                              ReplyTo replyTo, boolean echo, String appId, String metadata, Referral referral)
        implements EventPayload {

    public ReceivedMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The message a reply quotes. */
    public record ReplyTo(String mid, boolean selfReply) {
    }
}
