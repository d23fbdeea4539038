package io.github.camelmessenger.examples;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.github.camelmessenger.otn.store.TokenStatus;
import io.github.camelmessenger.sandbox.junit.TestUser;
import io.github.camelmessenger.sandbox.outbox.OutboxItem;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flow 2: on its Quartz crons the bot sends each token holder one message with the token, and e-mails and texts the
 * contacts without a token, each with a link back to the bot; a user who taps the broadcast is asked for a new token.
 */
class OtnBroadcastFlowTest extends FlowTestSupport {

    private static final String LINK = "https://m.me/sandbox.page?ref=offers";
    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(ExampleApp.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void messagesTokenHoldersOnceAndFallsBackToMailAndSmsForTheOthers(Dsl dsl) throws Exception {
        // the scene is set with the crons quiet; the same database then serves an app whose crons fire every second
        String db = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Map<String, String> quiet = Map.of("example.db.url", db,
                "example.mail.endpoint", "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
        start(dsl, quiet);
        TestUser alice = greeted("alice");
        alice.tapsQuickReply("Offers");
        alice.receives().isOneTimeNotificationRequest("Tell me about the next offers");
        alice.tapsNotifyMe();
        alice.receives().hasText("Thanks! We will message you once when the next offers are out.");
        TestUser bob = greeted("bob");
        bob.tapsQuickReply("Share contact");
        bob.receives();
        bob.sharesEmail();
        bob.receives().hasQuickReplies("user_phone_number", "Not now");
        bob.tapsQuickReply("Not now");
        bob.receives().hasText(MENU_TEXT);
        TestUser carol = greeted("carol");
        carol.tapsQuickReply("Share contact");
        carol.receives();
        carol.sharesEmail();
        carol.receives();
        carol.sharesPhoneNumber();
        carol.receives().hasTextContaining("We have your number");
        stopApp();

        Map<String, String> occasion = new java.util.HashMap<>(quiet);
        occasion.put("example.offers.fallback-cron", ExampleApp.EVERY_SECOND);
        occasion.put("example.offers.broadcast-cron", ExampleApp.EVERY_SECOND);
        start(dsl, occasion);

        // the token holder: one engaging message, sent with her token
        var offer = alice.receives().hasText("This week's offers are out! Want to see them?")
                .hasQuickReplies("Show me", "Not now").wasAccepted().actual();
        assertThat(offer.json().path("recipient").path("one_time_notif_token").asText()).isNotEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> app.otnStore().countTokens("offers", TokenStatus.CONSUMED) == 1);
        assertThat(app.otnStore().countTokens("offers", TokenStatus.VALID)).isZero();

        // the others: an e-mail to each address, an SMS to each number, with the link back to the bot
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(mailTo(bob)).isNotEmpty());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(mailTo(carol)).isNotEmpty());
        MimeMessage mail = mailTo(bob).get(0);
        assertThat(mail.getSubject()).isEqualTo("This week's offers");
        assertThat(GreenMailUtil.getBody(mail)).contains(LINK);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(smsTo(carol)).isNotEmpty());
        assertThat(smsTo(carol).get(0).text()).isEqualTo("This week's offers are out: " + LINK);
        assertThat(smsTo(bob)).as("bob shared no number").isEmpty();
        assertThat(mailTo(alice)).as("alice held a token when the fallback ran, and shared no address").isEmpty();

        // alice re-engages: she gets what she asked for, and the bot asks for a token for the next occasion
        alice.tapsQuickReply("Show me");
        alice.receives().isGenericTemplate().hasElements("Winter hat", "Scarf", "Mittens");
        alice.receives().isOneTimeNotificationRequest("Tell me about the next offers").wasAccepted();
        assertThat(alice.conversation().stream().filter(e -> e.isBotMessage()
                && "This week's offers are out! Want to see them?".equals(e.body().path("message").path("text")
                        .asText()))).as("one message per token").hasSize(1);
    }

    private List<MimeMessage> mailTo(TestUser user) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(user.user().email()));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static List<OutboxItem> smsTo(TestUser user) {
        return sandbox.sandbox().outbox().items().stream()
                .filter(i -> i.channel().equals("sms") && i.to().equals(user.user().phone())).toList();
    }
}
