package io.github.camelmessenger.producer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerWindowClosedException;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import io.github.camelmessenger.state.Wait;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link Clock} bound in the registry is the component's time (a local Messenger that jumps ahead, a test): the
 * 24-hour window and the waits read it, not the system clock.
 */
class ClockFromRegistryTest extends GraphApiTestSupport {

    private static final String PAGE = "4242";
    private static final Instant START = Instant.parse("2030-01-01T10:00:00Z");

    @BindToRegistry("clock")
    private final MovableClock clock = new MovableClock(START);

    @BindToRegistry("state")
    private final InMemoryConversationStateRepository state = new InMemoryConversationStateRepository();

    @Test
    void theComponentAutowiresTheRegistrysClock() {
        assertThat(context.getComponent("messenger", MessengerComponent.class).clock()).isSameAs(clock);
    }

    @Test
    void theWindowClosesWhenTheClockJumpsPastIt() {
        state.recordInbound(PAGE, PSID, START);
        String uri = "messenger:sendMessage?stateRepository=#state";

        Exchange inside = send(uri, "still in time", Map.of("CamelMessengerPageId", PAGE));
        assertThat(inside.getException()).isNull();
        assertThat(requests()).hasSize(1);

        clock.advance(Duration.ofHours(25));
        graph.resetRequests();
        Exchange outside = send(uri, "too late", Map.of("CamelMessengerPageId", PAGE));
        assertThat(outside.getException()).isInstanceOf(MessengerWindowClosedException.class);
        assertNoRequest();
    }

    @Test
    void aWaitStartsAtTheClocksTime() {
        send("messenger:waitForResponse?stateRepository=#state&step=ask-email&timeout=PT1H", null,
                Map.of("CamelMessengerPageId", PAGE));

        Wait wait = state.findWait(PAGE, PSID).orElseThrow();
        assertThat(wait.createdAt()).isEqualTo(START);
        assertThat(wait.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(i -> i.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
