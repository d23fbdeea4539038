package io.github.camelmessenger.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.event.Comment;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.model.event.Optin;
import io.github.camelmessenger.model.event.Postback;
import io.github.camelmessenger.model.event.ReceivedAttachment;
import io.github.camelmessenger.model.event.ReceivedMessage;
import org.apache.camel.Message;

/**
 * Puts an event's headers on a message. CamelMessengerRecipientId is deliberately not set: the producer then answers
 * the sender, so {@code from("messenger:webhook").to("messenger:sendMessage")} replies to the user.
 */
final class EventHeaders {

    private EventHeaders() {
    }

    static void apply(MessengerEvent event, Message message) {
        message.setHeader(MessengerConstants.PLATFORM, MessengerConstants.PLATFORM_FACEBOOK_MESSENGER);
        message.setHeader(MessengerConstants.EVENT_TYPE, event.type().value());
        message.setHeader(MessengerConstants.TIMESTAMP, event.timestamp());
        message.setHeader(MessengerConstants.STANDBY, event.standby());
        put(message, MessengerConstants.PAGE_ID, event.pageId());
        put(message, MessengerConstants.SENDER_ID, event.senderId());
        put(message, MessengerConstants.MESSAGE_ID, event.mid());
        if (event.payload() instanceof ReceivedMessage m) {
            put(message, MessengerConstants.TEXT, m.text());
            put(message, MessengerConstants.QUICK_REPLY_PAYLOAD, m.quickReplyPayload());
            if (!m.attachments().isEmpty()) {
                message.setHeader(MessengerConstants.ATTACHMENTS, attachments(m.attachments()));
            }
        } else if (event.payload() instanceof Postback p) {
            put(message, MessengerConstants.POSTBACK_PAYLOAD, p.payload());
        } else if (event.payload() instanceof Comment c) {
            put(message, MessengerConstants.TEXT, c.message());
            put(message, MessengerConstants.COMMENT_ID, c.commentId());
            put(message, MessengerConstants.POST_ID, c.postId());
            if (c.createdTime() > 0) {
                message.setHeader(MessengerConstants.COMMENT_TIME, c.createdTime());
            }
        } else if (event.payload() instanceof Optin o) {
            put(message, MessengerConstants.ONE_TIME_NOTIF_TOKEN, o.oneTimeNotifToken());
            // plugin opt-ins carry their data in ref
            put(message, MessengerConstants.OPTIN_PAYLOAD, o.payload() != null ? o.payload() : o.ref());
        }
    }

    /** Each attachment as a Map: type, url and the payload's other fields. */
    static List<Map<String, Object>> attachments(List<ReceivedAttachment> attachments) {
        List<Map<String, Object>> out = new ArrayList<>(attachments.size());
        for (ReceivedAttachment a : attachments) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", a.type());
            m.put("url", a.url());
            a.payload().forEach(m::putIfAbsent);
            out.add(m);
        }
        return out;
    }

    private static void put(Message message, String name, Object value) {
        if (value != null) {
            message.setHeader(name, value);
        }
    }
}
