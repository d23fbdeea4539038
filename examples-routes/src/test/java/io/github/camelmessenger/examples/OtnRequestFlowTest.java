package io.github.camelmessenger.examples;

import io.github.camelmessenger.otn.store.TokenStatus;
import io.github.camelmessenger.sandbox.junit.MessengerSandboxExtension;
import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow 1: the bot asks for a one-time notification, the user taps Notify Me, the token is stored per topic. */
class OtnRequestFlowTest {

    @RegisterExtension
    static MessengerSandboxExtension sandbox = new MessengerSandboxExtension();

    private ExampleApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void storesTheTokenOfTheTopicAndThanksTheUserWithoutSpendingIt(Dsl dsl) {
        app = ExampleApp.start(dsl, sandbox);
        TestUser alice = sandbox.user("alice");

        alice.says("hi");
        alice.receives().hasText("Hi! I am the camel-messenger demo bot. What would you like?")
                .hasQuickReplies("Offers", "Products", "Share contact", "Send a file", "Talk to a human");
        alice.tapsQuickReply("Offers");
        alice.receives().isOneTimeNotificationRequest("Tell me about the next offers").wasAccepted();
        alice.tapsNotifyMe();

        var thanks = alice.receives().hasText("Thanks! We will message you once when the next offers are out.")
                .wasAccepted().actual();
        // the thanks went to the user, inside the window the opt-in opened: not to the token
        assertThat(thanks.json().path("recipient").path("id").asText()).isEqualTo(alice.psid());
        assertThat(thanks.json().path("recipient").has("one_time_notif_token")).isFalse();
        assertThat(app.otnStore().countTokens("offers", TokenStatus.VALID)).isEqualTo(1);
        assertThat(app.otnStore().contactsWithValidToken("offers", null, 10))
                .extracting(c -> c.psid()).containsExactly(alice.psid());
    }
}
