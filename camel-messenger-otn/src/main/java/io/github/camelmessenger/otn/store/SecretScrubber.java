package io.github.camelmessenger.otn.store;

import java.sql.SQLException;
import java.util.Collection;

/**
 * Keeps token values out of exception messages. JDBC drivers may quote statement parameters in their errors
 * (PostgreSQL does for batches and unique violations); the scrubbed copy replaces each value by its fingerprint and
 * keeps the SQL state, error code and stack trace.
 */
final class SecretScrubber {

    private static final int MAX_DEPTH = 5;

    private SecretScrubber() {
    }

    static Throwable scrub(Throwable error, Collection<String> secrets) {
        return scrub(error, secrets, 0);
    }

    private static Throwable scrub(Throwable error, Collection<String> secrets, int depth) {
        if (error == null || secrets.isEmpty()) {
            return error;
        }
        String message = scrub(error.getMessage(), secrets);
        Throwable copy;
        if (error instanceof SQLException sql) {
            copy = new SQLException(message, sql.getSQLState(), sql.getErrorCode());
            SQLException next = sql.getNextException();
            if (next != null && next != error.getCause() && depth < MAX_DEPTH) {
                ((SQLException) copy).setNextException((SQLException) scrub(next, secrets, depth + 1));
            }
        } else {
            copy = new RuntimeException(error.getClass().getName() + ": " + message);
        }
        copy.setStackTrace(error.getStackTrace());
        Throwable cause = error.getCause();
        if (cause != null && depth < MAX_DEPTH) {
            copy.initCause(scrub(cause, secrets, depth + 1));
        }
        return copy;
    }

    static String scrub(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty() && result.contains(secret)) {
                result = result.replace(secret, OtnToken.fingerprint(secret));
            }
        }
        return result;
    }
}
