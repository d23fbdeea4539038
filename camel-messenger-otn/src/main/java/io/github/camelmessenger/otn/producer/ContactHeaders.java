package io.github.camelmessenger.otn.producer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.otn.MessengerOtnConstants;
import org.apache.camel.Message;

/** Reads who an exchange is about (Page, PSID) and when the user acted, with clear errors for what is missing. */
final class ContactHeaders {

    private ContactHeaders() {
    }

    static String pageId(Message message) {
        return required(message, MessengerOtnConstants.PAGE_ID,
                "required: the Page of the contact (the webhook consumer sets it)");
    }

    /** The user: CamelMessengerSenderId (an inbound event), else CamelMessengerRecipientId. */
    static String psid(Message message) {
        String psid = message.getHeader(MessengerOtnConstants.SENDER_ID, String.class);
        if (psid == null || psid.isBlank()) {
            psid = message.getHeader(MessengerOtnConstants.RECIPIENT_ID, String.class);
        }
        if (psid == null || psid.isBlank()) {
            throw new MessengerValidationException(MessengerOtnConstants.SENDER_ID,
                    "required: the user's PSID in CamelMessengerSenderId (the webhook consumer sets it) or "
                                                                                    + "CamelMessengerRecipientId",
                    psid);
        }
        return psid;
    }

    static String required(Message message, String header, String rule) {
        String value = message.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new MessengerValidationException(header, rule, value);
        }
        return value;
    }

    /**
     * The event time of CamelMessengerTimestamp, or null when absent: epoch milliseconds (Long, as the webhook
     * consumer sets it, or digits), an Instant, a Date or an ISO-8601 instant.
     */
    static Instant timestamp(Message message) {
        Object value = message.getHeader(MessengerOtnConstants.TIMESTAMP);
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        String text = value.toString().trim();
        try {
            return text.chars().allMatch(Character::isDigit) && !text.isEmpty()
                    ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new MessengerValidationException(MessengerOtnConstants.TIMESTAMP,
                    "epoch milliseconds, an Instant, a Date or an ISO-8601 instant", value);
        }
    }
}
