package io.github.camelmessenger.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import io.github.camelmessenger.state.Wait;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** waitForResponse records the wait and returns at once, without calling the Graph API. */
class WaitForResponseProducerTest extends GraphApiTestSupport {

    @BindToRegistry("state")
    private final InMemoryConversationStateRepository state = new InMemoryConversationStateRepository();

    @Test
    void recordsTheStepAndTimeoutFromTheUri() {
        Instant before = Instant.now();
        Exchange out = send("messenger:waitForResponse?stateRepository=#state&step=ask-email&timeout=PT30M", "body kept",
                Map.of("CamelMessengerPageId", "77"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody()).isEqualTo("body kept");
        Wait wait = state.findWait("77", PSID).orElseThrow();
        assertThat(wait.step()).isEqualTo("ask-email");
        assertThat(Duration.between(before, wait.expiresAt()).toMinutes()).isCloseTo(30, within(1L));
        assertNoRequest();
    }

    @Test
    void headersOverrideAndANewWaitReplacesTheOld() {
        send("messenger:waitForResponse?stateRepository=#state&step=first", null, Map.of("CamelMessengerPageId", "77"));
        send("messenger:waitForResponse?stateRepository=#state&step=first", null, Map.of("CamelMessengerPageId", "77",
                "CamelMessengerWaitStep", "ask-phone", "CamelMessengerWaitTimeout", "PT2H"));

        Wait wait = state.findWait("77", PSID).orElseThrow();
        assertThat(wait.step()).isEqualTo("ask-phone");
        assertThat(Duration.between(wait.createdAt(), wait.expiresAt())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aStepIsRequired() {
        Exchange out = send("messenger:waitForResponse?stateRepository=#state", null, Map.of("CamelMessengerPageId", "77"));

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class).hasMessageContaining("step");
    }
}
