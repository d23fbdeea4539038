package io.github.camelmessenger.examples;

import io.github.camelmessenger.otn.store.TokenStatus;
import io.github.camelmessenger.sandbox.junit.BotMessage;
import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow 1: the bot asks for a one-time notification, the user taps Notify Me, the token is stored per topic. */
class OtnRequestFlowTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void storesTheTokenOfTheTopicAndThanksTheUserWithoutSpendingIt(Dsl dsl) {
        start(dsl);
        TestUser alice = greeted("alice");

        alice.tapsQuickReply("Offers");
        alice.receives().isOneTimeNotificationRequest("Tell me about the next offers").wasAccepted();
        alice.tapsNotifyMe();

        BotMessage thanks = alice.receives().hasText("Thanks! We will message you once when the next offers are out.")
                .hasQuickReplies(MENU).wasAccepted().actual();
        // the thanks went to the user, inside the window the opt-in opened: not to the token
        assertThat(thanks.json().path("recipient").path("id").asText()).isEqualTo(alice.psid());
        assertThat(thanks.json().path("recipient").has("one_time_notif_token")).isFalse();
        assertThat(app.otnStore().countTokens("offers", TokenStatus.VALID)).isEqualTo(1);
        assertThat(app.otnStore().contactsWithValidToken("offers", null, 10))
                .extracting(c -> c.psid()).containsExactly(alice.psid());
    }
}
