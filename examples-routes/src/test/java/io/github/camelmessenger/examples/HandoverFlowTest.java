package io.github.camelmessenger.examples;

import java.time.Duration;
import java.util.Map;

import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Flow 4: "agent" hands the conversation to the Page Inbox; a scheduled route takes forgotten ones back. */
class HandoverFlowTest extends FlowTestSupport {

    private static final String BOT_APP_ID = "900000000000001";

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void takesBackAConversationLeftInTheInbox(Dsl dsl) {
        start(dsl, Map.of("example.handover.timeout-seconds", "1", "example.handover.check-cron",
                ExampleApp.EVERY_SECOND));
        TestUser alice = greeted("alice");

        alice.tapsQuickReply("Talk to a human");
        alice.receives().hasText("A person from our team will answer you here. The bot steps aside until then.");
        await().atMost(Duration.ofSeconds(10)).until(() -> PAGE_INBOX_APP_ID.equals(alice.threadOwner()));
        alice.says("hello? anybody?");   // on the standby channel: the bot leaves it to the inbox

        alice.receives()
                .hasText("Sorry for the wait: nobody from our team was free. The bot is back. How can I help?")
                .hasQuickReplies(MENU).wasAccepted();
        assertThat(alice.threadOwner()).isEqualTo(BOT_APP_ID);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.query("SELECT psid FROM example_handover").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void welcomesTheUserBackWhenThePageInboxHandsBack(Dsl dsl) {
        start(dsl);
        TestUser alice = greeted("alice");

        alice.says("agent");   // the keyword typed
        alice.receives().hasText("A person from our team will answer you here. The bot steps aside until then.");
        await().atMost(Duration.ofSeconds(10)).until(() -> PAGE_INBOX_APP_ID.equals(alice.threadOwner()));
        assertThat(app.query("SELECT psid FROM example_handover")).hasSize(1);

        alice.inbox().replies("Hi, Eve here. Sorted!").handsBack();

        alice.receives().hasText("The bot is back. How can I help?").hasQuickReplies(MENU).wasAccepted();
        assertThat(app.query("SELECT psid FROM example_handover")).isEmpty();
    }
}
