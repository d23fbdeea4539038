package io.github.camelmessenger.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code sender_action} values of the Send API; each is sent in a request of its own, without a message. */
public enum SenderAction {
    TYPING_ON,
    TYPING_OFF,
    MARK_SEEN,
    /** Needs {@code payload.message_id} and {@code payload.reaction}. */
    REACT,
    /** Needs {@code payload.message_id}. */
    UNREACT;

    /** The value on the wire, e.g. {@code typing_on}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the wire name or the constant name, any case. */
    public static SenderAction fromWireName(String value) {
        for (SenderAction action : values()) {
            if (action.name().equalsIgnoreCase(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("Unknown sender action: " + value);
    }
}
