package io.github.camelmessenger.sandbox;

import java.time.Duration;

import io.github.camelmessenger.sandbox.junit.TestUser;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit 5 test kit used the way a user would, on a real bot route. */
class TestKitRouteTest extends SandboxRouteTestSupport {

    private final DemoBotRoutes bot = new DemoBotRoutes();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return bot;
    }

    // tag::conversation[]
    @Test
    void aConversationWithQuickRepliesACardAndANotifyMe() {
        TestUser alice = sandbox.user("alice");

        alice.says("hi");
        alice.receives().hasText("Hello hi! What would you like?")
                .hasQuickReplies("Show me a card", "user_email", "Talk to a human")
                .hasQuickReplyPayloads("CARD", null, "AGENT").wasAccepted();

        alice.tapsQuickReply("Show me a card");
        alice.receives().isGenericTemplate().hasElements("Winter hat").hasButtons("Notify me", "Buy");

        alice.tapsButton("Notify me");
        alice.receives().isOneTimeNotificationRequest("Back in stock?");

        alice.tapsNotifyMe();
        alice.receivesText("Thanks, we will tell you once.");
        assertThat(bot.tokens).hasSize(1).allMatch(t -> t.length() > 20);
    }
    // end::conversation[]

    @Test
    void thePreFilledEmailQuickReplySharesTheUsersAddress() {
        TestUser bob = sandbox.user("Bob Stone");

        bob.says("hello");
        bob.receives().hasQuickReplies("Show me a card", "user_email", "Talk to a human");
        bob.sharesEmail();

        bob.receivesText("Thanks, we will write to bob.stone@example.org.");
    }

    @Test
    void afterTheClockJumps25HoursTheComponentRefusesToSendAndTheSandboxAgrees() {
        TestUser carol = sandbox.user("carol");
        carol.says("hi");
        carol.receives().wasAccepted();

        sandbox.advanceClock(Duration.ofHours(25));
        var out = template.send("messenger:sendMessage", e -> {
            e.getMessage().setHeader("CamelMessengerRecipientId", carol.psid());
            e.getMessage().setBody("are you still there?");
        });
        assertThat(out.getException())
                .isInstanceOf(io.github.camelmessenger.MessengerWindowClosedException.class);

        // with the component's check off, the sandbox answers the platform's error itself
        template.send("messenger:sendMessage?windowPolicy=ignore", e -> {
            e.getMessage().setHeader("CamelMessengerRecipientId", carol.psid());
            e.getMessage().setBody("are you still there?");
        });
        carol.receives().hasText("are you still there?").wasRejectedWith(10, 2018278);
    }

    @Test
    void thePageInboxAnswersAndHandsBack() {
        TestUser dan = sandbox.user("dan");
        dan.says("hi");
        dan.receives();
        dan.tapsQuickReply("Talk to a human");
        dan.receivesText("A human will answer you here shortly.");
        assertThat(dan.threadOwner()).isEqualTo("263902037430900");

        dan.says("is anybody there?");
        dan.inbox().replies("Hi Dan, I am Eve from support.").handsBack();

        dan.receivesText("The bot is back. How can I help?");
        assertThat(dan.threadOwner()).isEqualTo(sandbox.sandbox().settings().appId());
        assertThat(bot.events).contains("standby:message", "standby:echo", "pass_thread_control");
    }
}
