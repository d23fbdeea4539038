package io.github.camelmessenger.producer;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.SendRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SendMessageProducerTest extends GraphApiTestSupport {

    private static final String ME = "/v25.0/me/messages";

    @Test
    void plainTextWithQuickRepliesFromTheUriOption() {
        Exchange out = send("messenger:sendMessage?quickReplies=Red=PICK_RED,Green,user_email,user_phone_number,"
                            + "Blue [https://example.com/blue.png]",
                "Pick a color:");

        assertThat(out.getException()).isNull();
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE",
                 "message":{"text":"Pick a color:","quick_replies":[
                   {"content_type":"text","title":"Red","payload":"PICK_RED"},
                   {"content_type":"text","title":"Green","payload":"Green"},
                   {"content_type":"user_email"},
                   {"content_type":"user_phone_number"},
                   {"content_type":"text","title":"Blue","payload":"Blue","image_url":"https://example.com/blue.png"}]}}
                """.formatted(PSID));
        assertThat(out.getMessage().getHeader("CamelMessengerMessageId")).isEqualTo("m_sent-1");
        assertThat(out.getMessage().getBody(String.class)).contains("\"message_id\":\"m_sent-1\"");
    }

    @Test
    void quickRepliesFromAListHeader() {
        send("messenger:sendMessage", "Yes or no?", Map.of("CamelMessengerQuickReplies", List.of("Yes=Y", "No=N")));

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"Yes or no?","quick_replies":[
                  {"content_type":"text","title":"Yes","payload":"Y"},{"content_type":"text","title":"No","payload":"N"}]}}
                """.formatted(PSID));
    }

    @Test
    void quickRepliesFromANewlineSeparatedHeader() {
        send("messenger:sendMessage", "Size?", Map.of("CamelMessengerQuickReplies", "Small, cheap=S\nLarge=L"));

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"Size?","quick_replies":[
                  {"content_type":"text","title":"Small, cheap","payload":"S"},
                  {"content_type":"text","title":"Large","payload":"L"}]}}
                """.formatted(PSID));
    }

    @Test
    void mapBodyShapedLikeTheMessage() {
        send("messenger:sendMessage", Map.of("text", "hello", "quick_replies",
                List.of(Map.of("content_type", "text", "title", "Hi", "payload", "HI"))));

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"hello","quick_replies":[
                  {"content_type":"text","title":"Hi","payload":"HI"}]}}
                """.formatted(PSID));
    }

    @Test
    void jsonBodyShapedLikeTheWholeRequest() {
        send("messenger:sendMessage", """
                {"recipient":{"id":"42"},"messaging_type":"UPDATE","message":{"text":"from json"}}
                """);

        assertOnlyRequest(ME, """
                {"recipient":{"id":"42"},"messaging_type":"UPDATE","message":{"text":"from json"}}
                """);
    }

    @Test
    void typedMessage() {
        Message message = Message.builder().text("typed").quickReply(QuickReply.text("OK", "OK_PAYLOAD"))
                .quickReply(QuickReply.userEmail()).metadata("m1").build();

        send("messenger:sendMessage", message);

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"typed","metadata":"m1",
                  "quick_replies":[{"content_type":"text","title":"OK","payload":"OK_PAYLOAD"},{"content_type":"user_email"}]}}
                """.formatted(PSID));
    }

    @Test
    void typedRequestKeepsItsOwnRecipientAndType() {
        SendRequest request = SendRequest.builder().recipient(Recipient.id("777")).messagingType("UPDATE")
                .notificationType("SILENT_PUSH").message(Message.text("typed request")).build();

        send("messenger:sendMessage", request);

        assertOnlyRequest(ME, """
                {"recipient":{"id":"777"},"messaging_type":"UPDATE","notification_type":"SILENT_PUSH",
                 "message":{"text":"typed request"}}
                """);
    }

    @Test
    void answersTheSenderWhenNoRecipientIsGiven() {
        template.send("messenger:sendMessage", e -> {
            e.getMessage().setHeader("CamelMessengerSenderId", "555");
            e.getMessage().setBody("hi back");
        });

        assertOnlyRequest(ME, """
                {"recipient":{"id":"555"},"messaging_type":"RESPONSE","message":{"text":"hi back"}}
                """);
    }

    @Test
    void noRecipientIsAClearErrorBeforeAnyCall() {
        Exchange out = template.send("messenger:sendMessage", e -> e.getMessage().setBody("to nobody"));

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("recipient").hasMessageContaining("CamelMessengerRecipientId");
        assertNoRequest();
    }

    @Test
    void messagingTypeAndTagFromHeaders() {
        send("messenger:sendMessage", "An agent replies", Map.of("CamelMessengerTag", "HUMAN_AGENT"));
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT",
                 "message":{"text":"An agent replies"}}
                """.formatted(PSID));

        graph.resetRequests();
        send("messenger:sendMessage?messagingType=UPDATE&notificationType=NO_PUSH", "News", Map.of());
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"UPDATE","notification_type":"NO_PUSH","message":{"text":"News"}}
                """.formatted(PSID));
    }

    @Test
    void retiredTagIsRejectedBeforeAnyCall() {
        Exchange out = send("messenger:sendMessage?tag=ACCOUNT_UPDATE", "Your account", Map.of());

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("tag").hasMessageContaining("ACCOUNT_UPDATE").hasMessageContaining("retired");
        assertNoRequest();
    }

    @Test
    void pageIdHeaderAddressesThePagesEdge() {
        send("messenger:sendMessage", "as page", Map.of("CamelMessengerPageId", "1122"));

        assertOnlyRequest("/v25.0/1122/messages", """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"as page"}}
                """.formatted(PSID));
    }
}
