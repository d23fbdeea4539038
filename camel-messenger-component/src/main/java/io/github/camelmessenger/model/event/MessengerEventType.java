package io.github.camelmessenger.model.event;

import java.util.Locale;

/**
 * The kinds of webhook event. {@link #value()} is the name used in header {@code CamelMessengerEventType} and in
 * the {@code eventTypes} option.
 */
public enum MessengerEventType {
    MESSAGE("message"),
    QUICK_REPLY("quick_reply"),
    POSTBACK("postback"),
    OPTIN("optin"),
    ONE_TIME_NOTIF_OPTIN("one_time_notif_optin"),
    REFERRAL("referral"),
    DELIVERY("delivery"),
    READ("read"),
    REACTION("reaction"),
    ECHO("echo"),
    ACCOUNT_LINKING("account_linking"),
    PASS_THREAD_CONTROL("pass_thread_control"),
    TAKE_THREAD_CONTROL("take_thread_control"),
    REQUEST_THREAD_CONTROL("request_thread_control"),
    APP_ROLES("app_roles"),
    /** A comment on one of the Page's posts (the {@code feed} webhook field, {@code item} comment). */
    COMMENT("comment"),
    /** A kind this version does not model (message_edit, game_play, policy enforcement, ...); raw JSON kept. */
    UNKNOWN("unknown"),
    /** Not a platform event: a waitForResponse that the user did not answer in time. */
    WAIT_EXPIRED("wait_expired");

    private final String value;

    MessengerEventType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /**
     * @throws IllegalArgumentException naming the known types when {@code value} is none of them
     */
    public static MessengerEventType fromValue(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (MessengerEventType t : values()) {
            if (t.value.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown messenger event type '" + value + "'; known: " + names());
    }

    static String names() {
        StringBuilder sb = new StringBuilder();
        for (MessengerEventType t : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(t.value);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
