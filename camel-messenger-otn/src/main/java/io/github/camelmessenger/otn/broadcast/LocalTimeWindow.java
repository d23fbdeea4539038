package io.github.camelmessenger.otn.broadcast;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;

/**
 * {@code broadcast?localTime=09:00&localWindow=PT2H}: a holder is due while it is between 09:00 and 11:00 where the
 * holder lives. The zone is the contact's {@code timezone} attribute, as {@code getUserProfile} gives it (hours from
 * UTC: {@code -7}, {@code 5.5}) or as a zone id ({@code Europe/Paris}, {@code +02:00}); holders without one, or with
 * one that is no zone, use {@code defaultTimeZone}.
 */
public final class LocalTimeWindow {

    /** The contact attribute holding the holder's time zone. */
    public static final String TIMEZONE_ATTRIBUTE = "timezone";

    private final LocalTime start;
    private final Duration length;
    private final ZoneId defaultZone;

    private LocalTimeWindow(LocalTime start, Duration length, ZoneId defaultZone) {
        this.start = start;
        this.length = length;
        this.defaultZone = defaultZone;
    }

    /**
     * @return the window of the options, or null when {@code localTime} is not set
     * @throws MessengerValidationException naming the option that is wrong
     */
    public static LocalTimeWindow of(String localTime, long localWindowMillis, String defaultTimeZone) {
        ZoneId zone = zone("defaultTimeZone", defaultTimeZone);
        if (localTime == null || localTime.isBlank()) {
            return null;
        }
        LocalTime start;
        try {
            start = LocalTime.parse(localTime.trim());
        } catch (DateTimeParseException e) {
            throw new MessengerValidationException("localTime", "a time of day such as 09:00", localTime);
        }
        if (localWindowMillis < 1 || localWindowMillis > Duration.ofDays(1).toMillis()) {
            throw new MessengerValidationException("localWindow", "a positive duration of at most 24 hours (PT24H)",
                    Duration.ofMillis(localWindowMillis));
        }
        return new LocalTimeWindow(start, Duration.ofMillis(localWindowMillis), zone);
    }

    private static ZoneId zone(String option, String id) {
        try {
            return ZoneId.of(id == null || id.isBlank() ? "UTC" : id.trim());
        } catch (DateTimeException e) {
            throw new MessengerValidationException(option, "a time zone id such as Europe/Paris, UTC or +02:00", id);
        }
    }

    /** Whether the holder's local time at {@code now} falls in the window (which may cross midnight). */
    public boolean due(Map<String, String> attributes, Instant now) {
        LocalTime local = now.atZone(zoneOf(attributes)).toLocalTime();
        long sinceStart = Duration.between(start, local).toNanos();
        if (sinceStart < 0) {
            sinceStart += Duration.ofDays(1).toNanos();
        }
        return sinceStart < length.toNanos();
    }

    /** The holder's zone: the {@code timezone} attribute when it is one, else the default. */
    ZoneId zoneOf(Map<String, String> attributes) {
        String value = attributes == null ? null : attributes.get(TIMEZONE_ATTRIBUTE);
        if (value == null || value.isBlank()) {
            return defaultZone;
        }
        String v = value.trim();
        try {
            double hours = Double.parseDouble(v);
            if (Math.abs(hours) <= 18) {
                return ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600));
            }
            return defaultZone;
        } catch (NumberFormatException notHours) {
            try {
                return ZoneId.of(v);
            } catch (DateTimeException notAZone) {
                return defaultZone;
            }
        }
    }

    @Override
    public String toString() {
        return "LocalTimeWindow[" + start + " for " + length + ", default zone " + defaultZone + "]";
    }
}
