package io.github.camelmessenger.state;

import java.time.Duration;
import java.time.Instant;

import io.github.camelmessenger.MessengerValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void ofComputesTheExpiryAndTruncatesToMilliseconds() {
        Wait wait = Wait.of("page", "user", "ask-email", T0.plusNanos(1_999_999), Duration.ofMinutes(30));

        assertThat(wait.createdAt()).isEqualTo(T0.plusMillis(1));
        assertThat(wait.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)).plusMillis(1));
        assertThat(wait.isExpired(wait.expiresAt().minusMillis(1))).isFalse();
        assertThat(wait.isExpired(wait.expiresAt())).isTrue();
    }

    @Test
    void badFieldsNameTheFieldTheLimitAndTheValue() {
        assertRejected(() -> Wait.of(" ", "user", "s", T0, Duration.ofMinutes(1)), "pageId", "blank");
        assertRejected(() -> Wait.of("page", null, "s", T0, Duration.ofMinutes(1)), "psid", "required");
        assertRejected(() -> Wait.of("page", "user", "s".repeat(256), T0, Duration.ofMinutes(1)), "step",
                "at most 255 characters");
        assertRejected(() -> Wait.of("page", "1".repeat(65), "s", T0, Duration.ofMinutes(1)), "psid",
                "at most 64 characters");
        assertRejected(() -> Wait.of("page", "user", "s", T0, Duration.ZERO), "timeout", "positive");
        assertRejected(() -> Wait.of("page", "user", "s", T0, Duration.ofSeconds(-5)), "timeout", "positive");
        assertRejected(() -> Wait.of("page", "user", "s", T0, null), "timeout", "positive");
        assertRejected(() -> Wait.of("page", "user", "s", T0, Duration.ofSeconds(Long.MAX_VALUE)), "timeout",
                "too long");
        assertRejected(() -> new Wait("page", "user", "s", T0, T0.minusSeconds(1)), "expiresAt",
                "not be before createdAt");
        assertRejected(() -> new Wait("page", "user", "s", T0, Instant.MAX), "expiresAt", "epoch milliseconds");
        assertRejected(() -> new Wait("page", "user", "s", null, T0), "createdAt", "required");
    }

    private static void assertRejected(Runnable creation, String field, String limit) {
        assertThatThrownBy(creation::run).isInstanceOfSatisfying(MessengerValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo(field);
            assertThat(e.getLimit()).contains(limit);
        });
    }
}
