package io.github.camelmessenger.state;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryConversationStateRepositoryTest extends ConversationStateRepositoryContract {

    @Override
    protected ConversationStateRepository newRepository() {
        return new InMemoryConversationStateRepository();
    }

    @Test
    void hostileTrafficFromManySendersIsCappedKeepingTheLatest() {
        InMemoryConversationStateRepository memory = new InMemoryConversationStateRepository();
        memory.setMaxLastInboundUsers(1_000);
        for (int i = 0; i < 50_000; i++) {
            memory.recordInbound(PAGE, "sender-" + i, T0.plusMillis(i));
        }
        assertThat(memory.toString()).matches(".*users=(\\d+)\\].*");
        int users = Integer.parseInt(memory.toString().replaceAll(".*users=(\\d+)\\].*", "$1"));
        System.out.printf("in-memory last inbound after 50000 senders, cap 1000: %d kept%n", users);
        assertThat(users).isBetween(900, 1_000);
        assertThat(memory.lastInbound(PAGE, "sender-49999")).contains(T0.plusMillis(49_999));
        assertThat(memory.lastInbound(PAGE, "sender-0")).isEmpty();
    }

    @Test
    void timesOlderThanTheRetentionBeforeTheLatestAreForgottenOnTheirOwn() {
        InMemoryConversationStateRepository memory = new InMemoryConversationStateRepository();
        memory.recordInbound(PAGE, "old", T0.minus(Duration.ofDays(9)));
        memory.recordInbound(PAGE, "new", T0); // the latest time moved on by more than a tenth of 8 days: prune
        assertThat(memory.lastInbound(PAGE, "old")).isEmpty();
        assertThat(memory.lastInbound(PAGE, "new")).contains(T0);
    }
}
