package io.github.camelmessenger.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.github.camelmessenger.model.event.Comment;
import io.github.camelmessenger.model.event.DeliveryReceipt;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.model.event.ReadReceipt;
import io.github.camelmessenger.model.event.ReceivedMessage;
import io.github.camelmessenger.model.event.UnknownEvent;

/**
 * The idempotency key of an event, identical for every redelivery of it: the message id for messages and echoes
 * (unique per message), else kind, sender and timestamp (for receipts also the watermark and mids).
 */
final class EventKeys {

    /** camel-sql's JdbcMessageIdRepository stores keys in a VARCHAR(100). */
    static final int MAX_LENGTH = 100;

    private EventKeys() {
    }

    static String of(MessengerEvent event) {
        String key;
        if (event.payload() instanceof ReceivedMessage m && m.mid() != null) {
            key = "mid:" + m.mid();
        } else if (event.payload() instanceof Comment c) {
            // an edit of a comment is another event than its creation
            key = "comment:" + c.commentId() + ":" + c.verb() + ":" + event.timestamp();
        } else {
            String who = event.senderId() != null ? event.senderId()
                    : event.userRef() != null ? "ref:" + event.userRef() : "page:" + event.pageId();
            key = kind(event) + ":" + who + ":" + event.timestamp() + receipt(event) + (event.standby() ? ":s" : "");
        }
        return key.length() <= MAX_LENGTH ? key : "sha256:" + sha256(key);
    }

    /** The item's kind as the platform names it (for unknown events the field it came in). */
    static String kind(MessengerEvent event) {
        if (event.type() == MessengerEventType.UNKNOWN && event.payload() instanceof UnknownEvent u && u.kind() != null) {
            return u.kind();
        }
        return event.type().value();
    }

    /**
     * Receipts often carry no timestamp of their own, so several of one user share the entry's time: their watermark
     * (and a delivery's mids) tell them apart.
     */
    private static String receipt(MessengerEvent event) {
        if (event.payload() instanceof DeliveryReceipt d) {
            return ":" + d.watermark() + (d.mids().isEmpty() ? "" : ":" + String.join(",", d.mids()));
        } else if (event.payload() instanceof ReadReceipt r) {
            return ":" + r.watermark();
        }
        return "";
    }

    /**
     * Whose conversation the event belongs to, which orders processing: the user (for echoes the recipient, as the
     * Page is the sender), else the Page for events without a user (app_roles).
     */
    static String conversation(MessengerEvent event) {
        String user = event.type() == MessengerEventType.ECHO ? event.recipientId()
                : event.senderId() != null ? event.senderId()
                : event.userRef() != null ? "ref:" + event.userRef() : null;
        return user != null ? user : "page:" + event.pageId();
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
