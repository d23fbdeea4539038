package io.github.camelmessenger.otn.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.camelmessenger.MessengerValidationException;

/** Argument checks shared by the store records and implementations; every limit matches a JDBC column size. */
final class StoreArgs {

    static final int ID_MAX = 64;
    static final int TOPIC_MAX = 255;
    static final int TOKEN_MAX = 1024;
    static final int PAYLOAD_MAX = 2000;
    static final int ATTRIBUTE_NAME_MAX = 100;
    static final int ATTRIBUTE_VALUE_MAX = 2000;
    static final int OWNER_MAX = 255;
    static final int REASON_MAX = 500;

    private StoreArgs() {
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new MessengerValidationException(field, "required, must not be blank", value);
        }
        if (value.length() > max) {
            throw new MessengerValidationException(field, "at most " + max + " characters", value);
        }
        return value;
    }

    static String optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new MessengerValidationException(field, "at most " + max + " characters", value);
        }
        return value;
    }

    /** Like {@link #text} but the value is a secret: errors show its length and fingerprint, never the value. */
    static String secret(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new MessengerValidationException(field, "required, must not be blank",
                    value == null ? null : "<blank>");
        }
        if (value.length() > max) {
            throw new MessengerValidationException(field, "at most " + max + " characters",
                    "<" + value.length() + " characters, " + OtnToken.fingerprint(value) + ">");
        }
        return value;
    }

    static Instant instant(String field, Instant value) {
        if (value == null) {
            throw new MessengerValidationException(field, "required", null);
        }
        return millis(value);
    }

    /** Every store keeps milliseconds, so in-memory and JDBC stores return equal instants. */
    static Instant millis(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }

    static int batchSize(String field, int max) {
        if (max < 1 || max > OtnStore.MAX_BATCH) {
            throw new MessengerValidationException(field, "between 1 and " + OtnStore.MAX_BATCH, max);
        }
        return max;
    }

    static Duration lease(Duration lease) {
        if (lease == null || lease.isNegative() || lease.toMillis() < 1) {
            throw new MessengerValidationException("lease", "a positive duration of at least 1 ms", lease);
        }
        return lease;
    }

    static String reason(String reason) {
        if (reason == null) {
            return null;
        }
        // a diagnostic text: shortened rather than rejected, a retire must not fail on a long error message
        return reason.length() <= REASON_MAX ? reason : reason.substring(0, REASON_MAX - 1) + "…";
    }
}
