package io.github.camelmessenger.sandbox.outbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.sandbox.BadRequestException;
import io.github.camelmessenger.sandbox.JsonFields;

/**
 * The fallback messages of the app (the SMS and e-mails it sends users without a one-time notification token), so
 * the page shows them beside the chat. The sandbox plays a simple SMS gateway; e-mails are reported to it.
 */
public final class Outbox {

    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
    private static final int SMS_MAX = 1600;
    private static final int KEEP = 200;

    private final AtomicLong ids = new AtomicLong();
    private final Deque<OutboxItem> items = new ArrayDeque<>();

    /** {@code {"to":"+15551234567","text":"..."}}. */
    public OutboxItem sms(JsonNode body, Instant now) {
        object(body);
        String to = required(body, "to");
        if (!E164.matcher(to).matches()) {
            throw new BadRequestException("to", "expected a phone number in E.164 form such as +15551234567, got \""
                                                + to + "\"");
        }
        String text = required(body, "text");
        if (text.length() > SMS_MAX) {
            throw new BadRequestException("text", "at most " + SMS_MAX + " characters, got " + text.length());
        }
        return add(new OutboxItem("sms_" + ids.incrementAndGet(), now, "sms", to, null, text));
    }

    /** {@code {"to":"ann@example.org","subject":"...","text":"..."}}. */
    public OutboxItem email(JsonNode body, Instant now) {
        object(body);
        String to = required(body, "to");
        if (!EMAIL.matcher(to).matches()) {
            throw new BadRequestException("to", "expected an e-mail address, got \"" + to + "\"");
        }
        String subject = body.path("subject").isValueNode() ? body.path("subject").asText() : "";
        return add(new OutboxItem("email_" + ids.incrementAndGet(), now, "email", to, subject,
                required(body, "text")));
    }

    public synchronized List<OutboxItem> items() {
        return List.copyOf(items);
    }

    public synchronized void clear() {
        items.clear();
    }

    private synchronized OutboxItem add(OutboxItem item) {
        items.addLast(item);
        while (items.size() > KEEP) {
            items.removeFirst();
        }
        return item;
    }

    private static void object(JsonNode body) {
        JsonFields.requireObject(body, "{\"to\":\"...\",\"text\":\"...\"}");
    }

    private static String required(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isValueNode() || n.isNull() || n.asText().isBlank()) {
            throw new BadRequestException(field, "is required");
        }
        return n.asText();
    }
}
