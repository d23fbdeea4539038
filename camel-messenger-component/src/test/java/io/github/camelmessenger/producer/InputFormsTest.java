package io.github.camelmessenger.producer;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.Button;
import io.github.camelmessenger.model.ButtonTemplate;
import io.github.camelmessenger.model.GenericElement;
import io.github.camelmessenger.model.MediaElement;
import io.github.camelmessenger.model.MediaPayload;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.OneTimeNotifRequestTemplate;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.SendRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The three input forms are equal: for every operation the typed model, the plain body with options/headers, a Map
 * and a JSON text each put exactly the same request on the wire.
 */
class InputFormsTest extends GraphApiTestSupport {

    record Form(String uri, Object body, Map<String, Object> headers) {
    }

    static Form form(String uri, Object body) {
        return new Form(uri, body, Map.of());
    }

    static Form form(String uri, Object body, Map<String, Object> headers) {
        return new Form(uri, body, headers);
    }

    static Stream<Arguments> forms() {
        String r = "{\"recipient\":{\"id\":\"" + PSID + "\"},\"messaging_type\":\"RESPONSE\",";
        return Stream.of(
                arguments("sendMessage", "/v25.0/me/messages",
                        r + "\"message\":{\"text\":\"Hi\",\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"A\","
                            + "\"payload\":\"a\"},{\"content_type\":\"user_email\"}]}}",
                        List.of(form("messenger:sendMessage",
                                Message.builder().text("Hi").quickReply(QuickReply.text("A", "a"))
                                        .quickReply(QuickReply.userEmail()).build()),
                                form("messenger:sendMessage?quickReplies=A=a,user_email", "Hi"),
                                form("messenger:sendMessage", "Hi", Map.of("CamelMessengerQuickReplies", "A=a\nuser_email")),
                                form("messenger:sendMessage", Map.of("text", "Hi", "quick_replies", List.of(
                                        Map.of("content_type", "text", "title", "A", "payload", "a"),
                                        Map.of("content_type", "user_email")))),
                                form("messenger:sendMessage", "{\"text\":\"Hi\",\"quick_replies\":[{\"content_type\":"
                                                              + "\"text\",\"title\":\"A\",\"payload\":\"a\"},"
                                                              + "{\"content_type\":\"user_email\"}]}"))),
                arguments("sendAttachment", "/v25.0/me/messages",
                        r + "\"message\":{\"attachment\":{\"type\":\"video\",\"payload\":{\"url\":"
                            + "\"https://example.com/v.mp4\",\"is_reusable\":true}}}}",
                        List.of(form("messenger:sendAttachment",
                                Attachment.media("video", MediaPayload.url("https://example.com/v.mp4", true))),
                                form("messenger:sendAttachment?attachmentType=video&reusable=true",
                                        "https://example.com/v.mp4"),
                                form("messenger:sendAttachment", "https://example.com/v.mp4", Map.of(
                                        "CamelMessengerAttachmentType", "video", "CamelMessengerReusable", true)),
                                form("messenger:sendAttachment?attachmentType=video",
                                        Map.of("url", "https://example.com/v.mp4", "is_reusable", true)),
                                form("messenger:sendAttachment", "{\"attachment\":{\"type\":\"video\",\"payload\":"
                                                                 + "{\"url\":\"https://example.com/v.mp4\","
                                                                 + "\"is_reusable\":true}}}"))),
                arguments("sendButtonTemplate", "/v25.0/me/messages",
                        r + "\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":"
                            + "\"button\",\"text\":\"Next?\",\"buttons\":[{\"type\":\"web_url\",\"title\":\"Go\","
                            + "\"url\":\"https://example.com\"},{\"type\":\"postback\",\"title\":\"More\","
                            + "\"payload\":\"MORE\"}]}}}}",
                        List.of(form("messenger:sendButtonTemplate", ButtonTemplate.of("Next?",
                                Button.url("Go", "https://example.com"), Button.postback("More", "MORE"))),
                                form("messenger:sendButtonTemplate?buttons=Go=https://example.com,More=MORE", "Next?"),
                                form("messenger:sendButtonTemplate", "Next?", Map.of("CamelMessengerButtons",
                                        List.of("Go=https://example.com", "More=MORE"))),
                                form("messenger:sendButtonTemplate", Map.of("text", "Next?", "buttons", List.of(
                                        Map.of("type", "web_url", "title", "Go", "url", "https://example.com"),
                                        Map.of("type", "postback", "title", "More", "payload", "MORE")))),
                                form("messenger:sendButtonTemplate", "{\"template_type\":\"button\",\"text\":\"Next?\","
                                                                     + "\"buttons\":[{\"type\":\"web_url\",\"title\":"
                                                                     + "\"Go\",\"url\":\"https://example.com\"},"
                                                                     + "{\"type\":\"postback\",\"title\":\"More\","
                                                                     + "\"payload\":\"MORE\"}]}"))),
                arguments("sendGenericTemplate", "/v25.0/me/messages",
                        r + "\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":"
                            + "\"generic\",\"elements\":[{\"title\":\"Hat\",\"subtitle\":\"Warm\",\"image_url\":"
                            + "\"https://example.com/h.jpg\",\"default_action\":{\"type\":\"web_url\",\"url\":"
                            + "\"https://example.com/h\"},\"buttons\":[{\"type\":\"postback\",\"title\":\"Buy\","
                            + "\"payload\":\"BUY\"}]}]}}}}",
                        List.of(form("messenger:sendGenericTemplate", GenericElement.builder().title("Hat")
                                .subtitle("Warm").imageUrl("https://example.com/h.jpg")
                                .defaultActionUrl("https://example.com/h").button(Button.postback("Buy", "BUY"))
                                .build()),
                                form("messenger:sendGenericTemplate?subtitle=Warm&imageUrl=https://example.com/h.jpg"
                                     + "&defaultActionUrl=https://example.com/h&buttons=Buy=BUY", "Hat"),
                                form("messenger:sendGenericTemplate", null, Map.of("CamelMessengerTitle", "Hat",
                                        "CamelMessengerSubtitle", "Warm", "CamelMessengerImageUrl",
                                        "https://example.com/h.jpg", "CamelMessengerDefaultActionUrl",
                                        "https://example.com/h", "CamelMessengerButtons", "Buy=BUY")),
                                form("messenger:sendGenericTemplate", Map.of("title", "Hat", "subtitle", "Warm",
                                        "image_url", "https://example.com/h.jpg", "default_action",
                                        Map.of("type", "web_url", "url", "https://example.com/h"), "buttons",
                                        List.of(Map.of("type", "postback", "title", "Buy", "payload", "BUY")))),
                                form("messenger:sendGenericTemplate", "{\"elements\":[{\"title\":\"Hat\",\"subtitle\":"
                                                                      + "\"Warm\",\"image_url\":\"https://example.com/"
                                                                      + "h.jpg\",\"default_action\":{\"type\":"
                                                                      + "\"web_url\",\"url\":\"https://example.com/h\"},"
                                                                      + "\"buttons\":[{\"type\":\"postback\",\"title\":"
                                                                      + "\"Buy\",\"payload\":\"BUY\"}]}]}"))),
                arguments("sendMediaTemplate", "/v25.0/me/messages",
                        r + "\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":"
                            + "\"media\",\"elements\":[{\"media_type\":\"video\",\"attachment_id\":\"1234\"}]}}}}",
                        List.of(form("messenger:sendMediaTemplate", MediaElement.attachmentId("video", "1234")),
                                form("messenger:sendMediaTemplate?mediaType=video", "1234"),
                                form("messenger:sendMediaTemplate", null, Map.of("CamelMessengerMediaType", "video",
                                        "CamelMessengerAttachmentId", "1234")),
                                form("messenger:sendMediaTemplate", Map.of("media_type", "video", "attachment_id",
                                        "1234")),
                                form("messenger:sendMediaTemplate", "{\"media_type\":\"video\",\"attachment_id\":"
                                                                    + "\"1234\"}"))),
                arguments("sendOneTimeNotificationRequest", "/v25.0/me/messages",
                        r + "\"message\":{\"attachment\":{\"type\":\"template\",\"payload\":{\"template_type\":"
                            + "\"one_time_notif_req\",\"title\":\"Notify me?\",\"payload\":\"offers\"}}}}",
                        List.of(form("messenger:sendOneTimeNotificationRequest",
                                OneTimeNotifRequestTemplate.of("Notify me?", "offers")),
                                form("messenger:sendOneTimeNotificationRequest?title=Notify me?&payload=offers", null),
                                form("messenger:sendOneTimeNotificationRequest", "Notify me?",
                                        Map.of("CamelMessengerPayload", "offers")),
                                form("messenger:sendOneTimeNotificationRequest", Map.of("title", "Notify me?",
                                        "payload", "offers")),
                                form("messenger:sendOneTimeNotificationRequest", "{\"title\":\"Notify me?\","
                                                                                 + "\"payload\":\"offers\"}"))),
                arguments("sendSenderAction", "/v25.0/me/messages",
                        "{\"recipient\":{\"id\":\"" + PSID + "\"},\"sender_action\":\"typing_on\"}",
                        List.of(form("messenger:sendSenderAction", SendRequest.builder()
                                .recipient(io.github.camelmessenger.model.Recipient.id(PSID))
                                .senderAction(io.github.camelmessenger.model.SenderAction.TYPING_ON).build()),
                                form("messenger:sendSenderAction", "typing_on"),
                                form("messenger:sendSenderAction?senderAction=typing_on", null),
                                form("messenger:sendSenderAction", null, Map.of("CamelMessengerSenderAction",
                                        "typing_on")),
                                form("messenger:sendSenderAction", Map.of("sender_action", "typing_on")),
                                form("messenger:sendSenderAction", "{\"sender_action\":\"typing_on\"}"))),
                arguments("sendCustomRequest", "/v25.0/me/messages",
                        r + "\"message\":{\"text\":\"raw\"}}",
                        List.of(form("messenger:sendCustomRequest", SendRequest.builder()
                                .message(Message.text("raw")).build()),
                                form("messenger:sendCustomRequest", Map.of("message", Map.of("text", "raw"))),
                                form("messenger:sendCustomRequest", "{\"message\":{\"text\":\"raw\"}}"))),
                arguments("uploadAttachment", "/v25.0/me/message_attachments",
                        "{\"message\":{\"attachment\":{\"type\":\"audio\",\"payload\":{\"is_reusable\":true,"
                                                                                + "\"url\":\"https://example.com/a.mp3\"}}}}",
                        List.of(form("messenger:uploadAttachment?attachmentType=audio", "https://example.com/a.mp3"),
                                form("messenger:uploadAttachment", "https://example.com/a.mp3",
                                        Map.of("CamelMessengerAttachmentType", "audio")),
                                form("messenger:uploadAttachment", Map.of("attachment", Map.of("type", "audio",
                                        "payload", Map.of("is_reusable", true, "url", "https://example.com/a.mp3")))),
                                form("messenger:uploadAttachment", "{\"message\":{\"attachment\":{\"type\":\"audio\","
                                                                   + "\"payload\":{\"is_reusable\":true,\"url\":"
                                                                   + "\"https://example.com/a.mp3\"}}}}"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void everyFormPutsTheSameRequestOnTheWire(String operation, String path, String expectedJson, List<Form> forms) {
        for (Form form : forms) {
            graph.resetRequests();
            Exchange out = send(form.uri(), form.body(), form.headers());
            assertThat(out.getException()).as("%s with body %s", form.uri(), form.body()).isNull();
            assertOnlyRequest(path, expectedJson);
        }
    }
}
