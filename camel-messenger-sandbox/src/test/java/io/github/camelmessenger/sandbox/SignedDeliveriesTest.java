package io.github.camelmessenger.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.sandbox.junit.TestUser;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of simulated user event, signed by the sandbox, accepted by the real messenger:webhook consumer. */
class SignedDeliveriesTest extends SandboxRouteTestSupport {

    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?eventTypes=message,quick_reply,postback,one_time_notif_optin,delivery,read,"
                     + "echo,pass_thread_control,take_thread_control")
                        .process(e -> received.add(e.copy()));
                from("direct:send").to("messenger:sendMessage");
            }
        };
    }

    private Map<String, Object> last() {
        return received.get(received.size() - 1).getMessage().getHeaders();
    }

    private MessengerEvent lastEvent() {
        return received.get(received.size() - 1).getMessage().getBody(MessengerEvent.class);
    }

    private void botSends(TestUser to, String body, Map<String, Object> headers) {
        template.send("direct:send", e -> {
            e.getMessage().setHeader("CamelMessengerRecipientId", to.psid());
            headers.forEach(e.getMessage()::setHeader);
            e.getMessage().setBody(body);
        });
    }

    @Test
    void textWithNonAsciiCharactersIsSignedOverTheEscapedBytes() {
        TestUser u = sandbox.user("Zoë");
        long before = sandbox.sandbox().clock().millis();
        u.says("Grüße aus Köln \uD83D\uDE00");
        long after = sandbox.sandbox().clock().millis();

        assertThat(last()).containsEntry("CamelMessengerEventType", "message")
                .containsEntry("CamelMessengerText", "Grüße aus Köln \uD83D\uDE00")
                .containsEntry("CamelMessengerSenderId", u.psid())
                .containsEntry("CamelMessengerPageId", sandbox.sandbox().settings().pageId())
                .containsEntry("CamelMessengerPlatform", "facebook-messenger");
        assertThat((Long) last().get("CamelMessengerTimestamp")).isBetween(before, after);
        assertThat(sandbox.sandbox().inspector()).filteredOn(r -> r.kind().equals("webhook")).last()
                .satisfies(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void quickRepliesIncludingThePreFilledPhoneNumber() {
        TestUser u = sandbox.user("Quinn");
        u.says("hi");
        botSends(u, "Pick one", Map.of("CamelMessengerQuickReplies", "Red=PICK_RED,user_phone_number"));
        u.receives().hasQuickReplies("Red", "user_phone_number");

        u.tapsQuickReply("Red");
        assertThat(last()).containsEntry("CamelMessengerEventType", "quick_reply")
                .containsEntry("CamelMessengerQuickReplyPayload", "PICK_RED").containsEntry("CamelMessengerText", "Red");

        botSends(u, "Your phone?", Map.of("CamelMessengerQuickReplies", "user_phone_number"));
        u.sharesPhoneNumber();
        assertThat(last()).containsEntry("CamelMessengerQuickReplyPayload", u.user().phone());
    }

    @Test
    void attachmentsLocationDeliveriesAndReads() {
        TestUser u = sandbox.user("Ada");
        u.sendsImage("https://example.com/cat.jpg");
        assertThat(lastEvent().message().attachments()).singleElement()
                .satisfies(a -> assertThat(a.url()).isEqualTo("https://example.com/cat.jpg"));

        u.sendsLocation(48.8584, 2.2945);
        assertThat(lastEvent().message().attachments().get(0).type()).isEqualTo("location");

        botSends(u, "Got it", Map.of());
        u.readsEverything();
        assertThat(received).extracting(e -> e.getMessage().getHeader("CamelMessengerEventType"))
                .endsWith("delivery", "read");
    }

    @Test
    void notifyMeDeliversAnOptinWithAFreshToken() {
        TestUser u = sandbox.user("Otto");
        u.says("hi");
        template.send("messenger:sendOneTimeNotificationRequest?title=Price drop?&payload=prices", e ->
                e.getMessage().setHeader("CamelMessengerRecipientId", u.psid()));

        u.tapsNotifyMe();

        assertThat(last()).containsEntry("CamelMessengerEventType", "one_time_notif_optin")
                .containsEntry("CamelMessengerOptinPayload", "prices");
        assertThat((String) last().get("CamelMessengerOneTimeNotifToken")).hasSizeGreaterThan(20);
    }

    @Test
    void whileThePageInboxOwnsTheThreadEventsArriveOnStandby() {
        TestUser u = sandbox.user("Sam");
        u.says("hi");
        u.inbox().replies("Hello, a human here.");
        assertThat(received).extracting(e -> e.getMessage().getHeader("CamelMessengerEventType"))
                .contains("take_thread_control", "echo");

        u.says("thanks");
        assertThat(last()).containsEntry("CamelMessengerStandby", true)
                .containsEntry("CamelMessengerText", "thanks");

        u.inbox().handsBack();
        assertThat(last()).containsEntry("CamelMessengerEventType", "pass_thread_control")
                .containsEntry("CamelMessengerStandby", false);
    }

    @Test
    void aWrongAppSecretIsRefusedByTheConsumerAndTheVerdictSaysSo() throws Exception {
        Sandbox other = Sandbox.builder().appSecret("not-the-apps-secret").build();
        try (SandboxServer server = SandboxServer.start(other, 0)) {
            other.webhook(new io.github.camelmessenger.sandbox.camel.WebhookLocator(context, "localhost"));
            SimulatedUser u = other.createUser("Mallory");

            EventOutcome outcome = other.act(u.psid(), new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"type\":\"text\",\"text\":\"hi\"}")).get();

            assertThat(outcome.delivery().status()).isEqualTo(403);
            assertThat(outcome.entry().verdict().status()).isEqualTo("failed");
            assertThat(outcome.entry().verdict().reason()).contains("403");
        }
        assertThat(received).isEmpty();
    }
}
