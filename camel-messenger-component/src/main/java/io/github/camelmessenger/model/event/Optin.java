package io.github.camelmessenger.model.event;

/**
 * An opt-in: a plugin opt-in ({@code ref}, {@code userRef}; event type {@code optin}) or a one-time notification
 * opt-in ({@code type} one_time_notif_req with {@code oneTimeNotifToken} and {@code payload}; event type
 * {@code one_time_notif_optin}).
 */
public record Optin(String type, String payload, String ref, String userRef, String oneTimeNotifToken)
        implements EventPayload {
}
