package io.github.camelmessenger.sandbox;

import java.util.Map;

import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerThreadControlException;
import io.github.camelmessenger.MessengerWindowClosedException;
import io.github.camelmessenger.sandbox.conversation.InspectorRecord;
import io.github.camelmessenger.sandbox.junit.TestUser;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's platform rules, met by the real producer (real messenger: endpoints pointed at the sandbox). */
class ProducerRulesTest extends SandboxRouteTestSupport {

    private final DemoBotRoutes bot = new DemoBotRoutes();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return bot;
    }

    private Exchange send(String uri, TestUser to, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setHeader("CamelMessengerRecipientId", to.psid());
            headers.forEach(e.getMessage()::setHeader);
            e.getMessage().setBody(body);
        });
    }

    private TestUser userWhoSaidHi(String name) {
        TestUser u = sandbox.user(name);
        u.says("hi");
        u.receives().wasAccepted();
        return u;
    }

    @Test
    void aMessageToAUserWhoNeverWroteIsOutsideTheWindow() {
        TestUser stranger = sandbox.user("stranger");

        Exchange out = send("messenger:sendMessage", stranger, "hello there", Map.of());

        MessengerWindowClosedException e = (MessengerWindowClosedException) out.getException();
        assertThat(e.getApiException().getCode()).isEqualTo(10);
        assertThat(e.getApiException().getSubcode()).isEqualTo(2018278);
        assertThat(e.getApiException().getFbtraceId()).hasSize(11);
        stranger.receives().wasRejectedWith(10, 2018278);
    }

    @Test
    void anUnknownPsidIsNoMatchingUser() {
        Exchange out = template.send("messenger:sendMessage", e -> {
            e.getMessage().setHeader("CamelMessengerRecipientId", "424242");
            e.getMessage().setBody("anyone?");
        });

        MessengerApiException e = (MessengerApiException) out.getException();
        assertThat(e.getCode()).isEqualTo(100);
        assertThat(e.getSubcode()).isEqualTo(2018001);
    }

    @Test
    void humanAgentTagKeepsTheWindowOpenSevenDays() {
        TestUser ann = userWhoSaidHi("ann");
        sandbox.advanceClock(java.time.Duration.ofDays(3));

        Exchange tagged = send("messenger:sendMessage?tag=HUMAN_AGENT", ann, "Sorry for the wait", Map.of());

        assertThat(tagged.getException()).isNull();
        ann.receives().hasText("Sorry for the wait").wasAccepted();
    }

    @Test
    void aOneTimeNotificationTokenWorksOnceOnly() {
        TestUser ben = userWhoSaidHi("ben");
        ben.tapsQuickReply("Show me a card");
        ben.receives();
        ben.tapsButton("Notify me");
        ben.receives();
        ben.tapsNotifyMe();
        ben.receives();
        String token = bot.tokens.get(0);
        sandbox.advanceClock(java.time.Duration.ofDays(30));

        Exchange first = send("messenger:sendMessage", ben, "It is back in stock!",
                Map.of("CamelMessengerOneTimeNotifToken", token));
        Exchange second = send("messenger:sendMessage", ben, "Again!", Map.of("CamelMessengerOneTimeNotifToken", token));

        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader("CamelMessengerMessageId", String.class)).startsWith("m_");
        ben.receives().hasText("It is back in stock!").wasAccepted();
        assertThat(((MessengerApiException) second.getException()).getCode()).isEqualTo(100);
        ben.receives().hasText("Again!").wasRejectedWith(100);
    }

    @Test
    void aThreadOwnedByThePageInboxRefusesTheBotUntilItTakesControl() {
        TestUser cy = userWhoSaidHi("cy");
        assertThat(send("messenger:sendToInbox", cy, null, Map.of()).getException()).isNull();

        Exchange refused = send("messenger:sendMessage", cy, "me again", Map.of());
        Exchange owner = send("messenger:getThreadOwner", cy, null, Map.of());
        Exchange take = send("messenger:takeThreadControl?metadata=cleanup", cy, null, Map.of());
        Exchange after = send("messenger:sendMessage", cy, "back", Map.of());

        assertThat(refused.getException()).isInstanceOf(MessengerThreadControlException.class);
        assertThat(((MessengerApiException) refused.getException()).getCode()).isEqualTo(2018300);
        assertThat(owner.getMessage().getHeader("CamelMessengerThreadOwnerAppId")).isEqualTo("263902037430900");
        assertThat(owner.getMessage().getHeader("CamelMessengerThreadControlExpiration", Long.class))
                .isGreaterThan(sandbox.sandbox().clock().instant().getEpochSecond());
        assertThat(take.getException()).isNull();
        assertThat(after.getException()).isNull();
        assertThat(cy.threadOwner()).isEqualTo(sandbox.sandbox().settings().appId());
    }

    @Test
    void releaseAndExtendNeedTheBotToOwnTheThread() {
        TestUser di = userWhoSaidHi("di");

        Exchange release = send("messenger:releaseThreadControl", di, null, Map.of());
        assertThat(((MessengerApiException) release.getException()).getSubcode()).isEqualTo(2534037);

        send("messenger:takeThreadControl", di, null, Map.of());
        assertThat(send("messenger:extendThreadControl?duration=PT48H", di, null, Map.of()).getException()).isNull();
        assertThat(send("messenger:releaseThreadControl", di, null, Map.of()).getException()).isNull();
        assertThat(di.threadOwner()).isNull();
    }

    @Test
    void injectedTransientFaultsAreRetriedByTheComponentAndPermanentOnesSurface() {
        TestUser eve = userWhoSaidHi("eve");
        sandbox.failNextCalls(1, 2);

        Exchange retried = send("messenger:sendMessage?retryDelay=5", eve, "after a hiccup", Map.of());

        assertThat(retried.getException()).isNull();
        assertThat(eve.receives().wasRejectedWith(2)).isNotNull();
        eve.receives().hasText("after a hiccup").wasAccepted();

        sandbox.failCallsFor(eve, 551, 0);
        Exchange blocked = send("messenger:sendMessage", eve, "are you there?", Map.of());
        MessengerApiException e = (MessengerApiException) blocked.getException();
        assertThat(e.getCode()).isEqualTo(551);
        assertThat(e.getSubcode()).isEqualTo(1545041);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void uploadThenReuseTheAttachmentIdInAMediaTemplate() {
        TestUser fay = userWhoSaidHi("fay");

        Exchange upload = send("messenger:uploadAttachment?attachmentType=image", fay, "https://example.com/logo.png",
                Map.of());
        String id = upload.getMessage().getHeader("CamelMessengerAttachmentId", String.class);
        Exchange media = send("messenger:sendMediaTemplate?mediaType=image", fay, null,
                Map.of("CamelMessengerAttachmentId", id));
        Exchange unknown = send("messenger:sendMediaTemplate?mediaType=image", fay, "1234567890123456", Map.of());
        Exchange file = send("messenger:sendAttachment?reusable=true", fay, new byte[] { (byte) 0x89, 'P', 'N', 'G' },
                Map.of(Exchange.FILE_NAME, "dot.png"));

        assertThat(id).matches("[0-9]{16}");
        assertThat(media.getException()).isNull();
        fay.receives().isMediaTemplate().wasAccepted();
        assertThat(((MessengerApiException) unknown.getException()).getSubcode()).isEqualTo(2018074);
        fay.receives().wasRejectedWith(100, 2018074);
        assertThat(file.getException()).isNull();
        assertThat(file.getMessage().getHeader("CamelMessengerAttachmentId", String.class)).matches("[0-9]{16}");
        fay.receives().isAttachment("image").wasAccepted();
    }

    @Test
    void everyCallCarriesTheBearerTokenAndAValidAppSecretProof() {
        TestUser gus = userWhoSaidHi("gus");
        sandbox.sandbox().faults().clear();

        Exchange wrongToken = send("messenger:sendMessage?pageAccessToken=not-the-page-token", gus, "x", Map.of());
        Exchange wrongSecret = send("messenger:sendMessage?appSecret=another-secret", gus, "x", Map.of());

        assertThat(((MessengerApiException) wrongToken.getException()).getCode()).isEqualTo(190);
        assertThat(((MessengerApiException) wrongSecret.getException()).getErrorMessage())
                .contains("appsecret_proof");
        assertThat(sandbox.sandbox().inspector()).filteredOn(r -> r.kind().equals("graph"))
                .extracting(InspectorRecord::request).allMatch(r -> !r.toString().contains("sandbox-page-token"));
    }

    @Test
    void buttonTemplateAndSenderActionsAreRecorded() {
        TestUser hal = userWhoSaidHi("hal");

        send("messenger:sendButtonTemplate?buttons=Visit=https://www.messenger.com,Call us=phone_number:+16505551234,"
             + "Start=START", hal, "What next?", Map.of());
        send("messenger:sendSenderAction?senderAction=mark_seen", hal, null, Map.of());

        hal.receives().isButtonTemplate().hasButtons("Visit", "Call us", "Start");
        assertThat(hal.conversation()).anyMatch(e -> e.kind().equals("sender_action")
                                                     && e.body().path("sender_action").asText().equals("mark_seen"));
    }
}
