package io.github.camelmessenger.state;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.camelmessenger.MessengerValidationException;

/**
 * A pending wait: the next input of user {@code psid} on Page {@code pageId} answers {@code step}, unless it comes at
 * or after {@code expiresAt}. There is at most one wait per user; a new one replaces the old.
 * <p>
 * Times are kept to the millisecond (what the platform's timestamps carry and what the JDBC repository stores), so
 * a wait read back from any repository {@linkplain #equals(Object) equals} the one that was put.
 *
 * @param pageId    the Page id
 * @param psid      the user's page-scoped id
 * @param step      the application's name for what the answer is for, e.g. {@code ask-email}
 * @param createdAt when the wait was set (truncated to milliseconds)
 * @param expiresAt when the wait times out (truncated to milliseconds); not before {@code createdAt}
 */
public record Wait(String pageId, String psid, String step, Instant createdAt, Instant expiresAt) {

    /** Longest page id and PSID the repositories store (both are numeric ids of about 16 digits). */
    public static final int MAX_ID_LENGTH = 64;
    /** Longest step name the repositories store. */
    public static final int MAX_STEP_LENGTH = 255;

    public Wait {
        requireText("pageId", pageId, MAX_ID_LENGTH);
        requireText("psid", psid, MAX_ID_LENGTH);
        requireText("step", step, MAX_STEP_LENGTH);
        createdAt = toMillis("createdAt", createdAt);
        expiresAt = toMillis("expiresAt", expiresAt);
        if (expiresAt.isBefore(createdAt)) {
            throw new MessengerValidationException("expiresAt", "must not be before createdAt " + createdAt, expiresAt);
        }
    }

    /**
     * A wait set at {@code now} that times out {@code timeout} later.
     *
     * @throws MessengerValidationException when the timeout is missing, zero or negative, or a field breaks a limit
     */
    public static Wait of(String pageId, String psid, String step, Instant now, Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new MessengerValidationException("timeout", "must be a positive duration", timeout);
        }
        if (now == null) {
            throw new MessengerValidationException("createdAt", "is required", null);
        }
        Instant expiresAt;
        try {
            expiresAt = now.plus(timeout);
        } catch (DateTimeException | ArithmeticException e) {
            throw new MessengerValidationException("timeout", "is too long", timeout);
        }
        return new Wait(pageId, psid, step, now, expiresAt);
    }

    /** Whether the wait has timed out at {@code now}: it is valid strictly before {@link #expiresAt()}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    static void requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new MessengerValidationException(field, "is required and must not be blank", value);
        }
        if (value.length() > maxLength) {
            throw new MessengerValidationException(field, "must be at most " + maxLength + " characters", value);
        }
    }

    /** Truncates to milliseconds and checks the instant fits in epoch milliseconds, as the JDBC store keeps it. */
    static Instant toMillis(String field, Instant value) {
        if (value == null) {
            throw new MessengerValidationException(field, "is required", null);
        }
        try {
            value.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new MessengerValidationException(field, "must fit in epoch milliseconds", value);
        }
        return value.truncatedTo(ChronoUnit.MILLIS);
    }
}
