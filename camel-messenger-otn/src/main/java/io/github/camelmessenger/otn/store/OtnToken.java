package io.github.camelmessenger.otn.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import io.github.camelmessenger.MessengerValidationException;

/**
 * A One-Time Notification token as delivered by the {@code messaging_optins} webhook: permission to send the user
 * exactly one message for a topic, within a year of the opt-in.
 * <p>
 * The token value is a secret for one message: {@link #toString()} shows only its {@link #fingerprint(String)
 * fingerprint}. Instants are kept to the millisecond.
 *
 * @param pageId    the Page the user opted in on (at most 64 characters)
 * @param psid      the user's page-scoped id (at most 64 characters)
 * @param topic     what the user asked to be notified about (at most 255 characters)
 * @param token     the {@code one_time_notif_token} value (at most 1024 characters)
 * @param payload   the opt-in payload, may be null (at most 2000 characters)
 * @param createdAt when the user opted in
 * @param expiresAt after this instant the token is never sent; must be after {@code createdAt}
 */
public record OtnToken(String pageId, String psid, String topic, String token, String payload, Instant createdAt,
        Instant expiresAt) {

    /**
     * How long a token stays usable. The platform documents "expires within 1 year of creation"; 365 days is never
     * later than a calendar year, so a stored token is not sent after the platform has dropped it.
     */
    public static final Duration LIFETIME = Duration.ofDays(365);

    public OtnToken {
        StoreArgs.text("pageId", pageId, StoreArgs.ID_MAX);
        StoreArgs.text("psid", psid, StoreArgs.ID_MAX);
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        StoreArgs.secret("token", token, StoreArgs.TOKEN_MAX);
        StoreArgs.optionalText("payload", payload, StoreArgs.PAYLOAD_MAX);
        createdAt = StoreArgs.instant("createdAt", createdAt);
        expiresAt = StoreArgs.instant("expiresAt", expiresAt);
        if (!expiresAt.isAfter(createdAt)) {
            throw new MessengerValidationException("expiresAt", "must be after createdAt " + createdAt, expiresAt);
        }
    }

    /** A token from an opt-in at {@code createdAt}, expiring {@link #LIFETIME} later. */
    public static OtnToken optIn(String pageId, String psid, String topic, String token, String payload,
            Instant createdAt) {
        if (createdAt == null) {
            throw new MessengerValidationException("createdAt", "required", null);
        }
        return new OtnToken(pageId, psid, topic, token, payload, createdAt, createdAt.plus(LIFETIME));
    }

    /** Whether the token may still be sent at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /**
     * A short, stable, non-reversible label for a token value, for logs and reports: {@code sha256:} and the first
     * 10 hex digits of the SHA-256 of the value. Never log the value itself.
     */
    public static String fingerprint(String token) {
        if (token == null) {
            return "null";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** This token's {@link #fingerprint(String) fingerprint}. */
    public String fingerprint() {
        return fingerprint(token);
    }

    @Override
    public String toString() {
        return "OtnToken[pageId=" + pageId + ", psid=" + psid + ", topic=" + topic + ", token=" + fingerprint()
               + ", payload=" + payload + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + "]";
    }
}
