package io.github.camelmessenger.sandbox.conversation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What became of an entry: a bot call the sandbox accepted or rejected (with the platform's error), or a user event
 * the app's webhook answered (or did not).
 *
 * @param status     {@code accepted}, {@code rejected}, {@code pending}, {@code delivered} or {@code failed}
 * @param reason     why, in words (the error message, the webhook's answer)
 * @param httpStatus the HTTP status of the answer (0 when there was none)
 * @param detail     the answer's JSON: the Graph API response or error, or null
 */
public record Verdict(String status, String reason, int httpStatus, JsonNode detail) {

    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    public static Verdict accepted(JsonNode response, String note) {
        return new Verdict(ACCEPTED, note, 200, response);
    }

    public static Verdict rejected(int httpStatus, JsonNode error, String reason) {
        return new Verdict(REJECTED, reason, httpStatus, error);
    }

    public static Verdict pending() {
        return new Verdict(PENDING, "waiting for the webhook's answer", 0, null);
    }

    public boolean isAccepted() {
        return ACCEPTED.equals(status) || DELIVERED.equals(status);
    }

    /** The Graph error code of a rejected call, or 0. */
    public int errorCode() {
        return detail == null ? 0 : detail.path("error").path("code").asInt(0);
    }

    /** The Graph error subcode of a rejected call, or 0. */
    public int errorSubcode() {
        return detail == null ? 0 : detail.path("error").path("error_subcode").asInt(0);
    }
}
