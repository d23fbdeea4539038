package io.github.camelmessenger.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's time: a base clock plus an offset that only grows ({@link #advance}). Bind the same instance in the
 * Camel registry, so that the messenger components (24-hour window, waits, one-time notification expiry) and the
 * sandbox agree on what time it is.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    public SandboxClock() {
        this(Clock.systemUTC());
    }

    public SandboxClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    private SandboxClock(Clock base, AtomicReference<Duration> offset, ZoneId zone) {
        this.base = base;
        this.offset = offset;
        this.zone = zone;
    }

    /** Jumps ahead; time never goes back, as it does not on the platform. */
    public Instant advance(Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("advance must be a positive duration, got " + duration);
        }
        offset.updateAndGet(o -> o.plus(duration));
        return instant();
    }

    /** How far ahead of its base clock the sandbox is. */
    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time line (same offset, moved together) seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new SandboxClock(base, offset, zone);
    }

    @Override
    public String toString() {
        return "SandboxClock[" + instant() + ", offset " + offset.get() + "]";
    }
}
