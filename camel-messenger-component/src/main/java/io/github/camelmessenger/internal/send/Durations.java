package io.github.camelmessenger.internal.send;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import io.github.camelmessenger.MessengerValidationException;
import org.apache.camel.util.TimeUtils;

/** Reads a duration header as people write it: a Duration, ISO-8601 (PT30M), Camel style (30m) or a number. */
public final class Durations {

    private Durations() {
    }

    /**
     * @param numberUnit the unit of a plain number (the platform counts thread control in seconds, Camel counts in
     *                   milliseconds)
     */
    public static Duration parse(String field, Object value, ChronoUnit numberUnit) {
        if (value instanceof Duration d) {
            return d;
        }
        if (value instanceof Number n) {
            return Duration.of(n.longValue(), numberUnit);
        }
        String text = value.toString().strip();
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Duration.of(Long.parseLong(text), numberUnit);
            }
            if (text.startsWith("P") || text.startsWith("p")) {
                return Duration.parse(text);
            }
            return Duration.ofMillis(TimeUtils.toMilliSeconds(text));
        } catch (RuntimeException e) {
            throw new MessengerValidationException(field, "a duration such as PT30M, 30m or a number", text);
        }
    }
}
