package io.github.camelmessenger.examples;

import java.time.Duration;

import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The front door: what a flow owns (quick reply and postback payloads, the same words typed) reaches that flow, also
 * while another flow waits for an answer. These are the bugs of the first example bot: "Offers" and "Talk to a human"
 * were taken as the e-mail address it waited for, and the AGENT payload never handed over.
 */
class BotRoutingTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void menuEntriesReachTheirFlows(Dsl dsl) {
        start(dsl);
        TestUser alice = greeted("alice");
        alice.tapsQuickReply("Offers");
        alice.receives().isOneTimeNotificationRequest("Tell me about the next offers");

        TestUser bob = greeted("bob");
        bob.tapsQuickReply("Talk to a human");
        bob.receives().hasText("A person from our team will answer you here. The bot steps aside until then.");
        await().atMost(Duration.ofSeconds(10)).until(() -> PAGE_INBOX_APP_ID.equals(bob.threadOwner()));
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void aPendingWaitDoesNotSwallowWhatAnotherFlowOwns(Dsl dsl) {
        start(dsl);
        TestUser alice = greeted("alice");

        // waiting for the e-mail address: "Not now" (payload MENU) is the menu's, not an address
        alice.tapsQuickReply("Share contact");
        alice.receives().hasQuickReplies("user_email", "Not now");
        alice.tapsQuickReply("Not now");
        alice.receives().hasText(MENU_TEXT);
        // the wait is over: an address typed now is just a message
        alice.says("alice@example.org");
        alice.receives().hasText(MENU_TEXT);
        assertThat(app.query("SELECT psid FROM example_contact")).isEmpty();

        // waiting for a file: a typed keyword goes to its flow
        alice.tapsQuickReply("Send a file");
        alice.receives().hasText("Please send the file: a photo, a video, a PDF...");
        alice.says("Products");
        alice.receives().isGenericTemplate().hasElements("Winter hat", "Scarf", "Mittens");

        // and a tapped quick reply too: "Talk to a human" while the bot waits for a file
        alice.tapsQuickReply("Send a file");
        alice.receives().hasText("Please send the file: a photo, a video, a PDF...");
        alice.tapsQuickReply("Talk to a human");
        alice.receives().hasText("A person from our team will answer you here. The bot steps aside until then.");
        await().atMost(Duration.ofSeconds(10)).until(() -> PAGE_INBOX_APP_ID.equals(alice.threadOwner()));
        assertThat(app.query("SELECT psid FROM example_file")).isEmpty();
    }
}
