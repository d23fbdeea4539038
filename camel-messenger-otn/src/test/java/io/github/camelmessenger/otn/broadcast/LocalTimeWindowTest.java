package io.github.camelmessenger.otn.broadcast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The local-time window's edges: its start is in, its end is out, and a window may cross midnight. */
class LocalTimeWindowTest {

    private static final long TWO_HOURS = Duration.ofHours(2).toMillis();

    private static Instant utc(String time) {
        return Instant.parse("2026-12-05T" + time + ":00Z");
    }

    @Test
    void theStartIsInTheEndIsOut() {
        LocalTimeWindow window = LocalTimeWindow.of("09:00", TWO_HOURS, "UTC");

        assertThat(window.due(Map.of(), utc("08:59"))).isFalse();
        assertThat(window.due(Map.of(), utc("09:00"))).isTrue();
        assertThat(window.due(Map.of(), utc("10:59"))).isTrue();
        assertThat(window.due(Map.of(), utc("11:00"))).isFalse();
    }

    @Test
    void aWindowMayCrossMidnight() {
        LocalTimeWindow window = LocalTimeWindow.of("23:00", TWO_HOURS, "UTC");

        assertThat(window.due(Map.of(), utc("23:30"))).isTrue();
        assertThat(window.due(Map.of(), utc("00:30"))).isTrue();
        assertThat(window.due(Map.of(), utc("01:00"))).isFalse();
        assertThat(window.due(Map.of(), utc("22:59"))).isFalse();
    }

    @Test
    void theTimezoneAttributeReadsAsThePlatformAndPeopleWriteIt() {
        LocalTimeWindow window = LocalTimeWindow.of("09:00", TWO_HOURS, "Europe/Paris");

        assertThat(window.zoneOf(Map.of("timezone", "-7"))).isEqualTo(ZoneOffset.ofHours(-7));
        assertThat(window.zoneOf(Map.of("timezone", "5.5"))).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(window.zoneOf(Map.of("timezone", "-3.0"))).isEqualTo(ZoneOffset.ofHours(-3));
        assertThat(window.zoneOf(Map.of("timezone", "America/Chicago"))).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(window.zoneOf(Map.of("timezone", "+02:00"))).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(window.zoneOf(Map.of("timezone", "nowhere"))).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(window.zoneOf(Map.of("timezone", "99"))).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(window.zoneOf(Map.of())).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void noLocalTimeMeansNoWindow() {
        assertThat(LocalTimeWindow.of(null, TWO_HOURS, "UTC")).isNull();
        assertThat(LocalTimeWindow.of(" ", TWO_HOURS, "UTC")).isNull();
    }
}
