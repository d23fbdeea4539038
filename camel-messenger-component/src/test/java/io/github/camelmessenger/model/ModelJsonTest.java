package io.github.camelmessenger.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private void assertJson(Object model, String expected) throws Exception {
        JsonNode expectedTree = mapper.readTree(expected);
        assertThat((JsonNode) mapper.valueToTree(model)).isEqualTo(expectedTree);
        // the string form must carry the same tree (what the producer actually writes)
        assertThat(mapper.readTree(mapper.writeValueAsString(model))).isEqualTo(expectedTree);
    }

    @Test
    void recipientForms() throws Exception {
        assertJson(Recipient.id("123"), "{\"id\":\"123\"}");
        assertJson(Recipient.userRef("ref"), "{\"user_ref\":\"ref\"}");
        assertJson(Recipient.commentId("c1"), "{\"comment_id\":\"c1\"}");
        assertJson(Recipient.postId("p1"), "{\"post_id\":\"p1\"}");
        assertJson(Recipient.oneTimeNotifToken("tok"), "{\"one_time_notif_token\":\"tok\"}");
    }

    @Test
    void recipientToStringMasksTheOneTimeToken() {
        String s = Recipient.oneTimeNotifToken("secret-otn-token-123").toString();
        assertThat(s).doesNotContain("secret-otn-token-123").contains("oneTimeNotifToken=******");
        assertThat(Recipient.id("42").toString()).contains("id=42").contains("oneTimeNotifToken=null");
    }

    @Test
    void quickReplies() throws Exception {
        assertJson(QuickReply.text("Red", "PICK_RED"),
                "{\"content_type\":\"text\",\"title\":\"Red\",\"payload\":\"PICK_RED\"}");
        assertJson(QuickReply.text("Red", "PICK_RED", "https://example.com/red.png"),
                "{\"content_type\":\"text\",\"title\":\"Red\",\"payload\":\"PICK_RED\","
                                                                                  + "\"image_url\":\"https://example.com/red.png\"}");
        assertJson(QuickReply.userEmail(), "{\"content_type\":\"user_email\"}");
        assertJson(QuickReply.userPhoneNumber(), "{\"content_type\":\"user_phone_number\"}");
        // an empty payload is meaningful (allowed with an image): it must not be dropped
        assertJson(QuickReply.text(null, "", "https://example.com/i.png"),
                "{\"content_type\":\"text\",\"payload\":\"\",\"image_url\":\"https://example.com/i.png\"}");
    }

    @Test
    void buttons() throws Exception {
        assertJson(Button.url("Visit", "https://www.messenger.com"),
                "{\"type\":\"web_url\",\"title\":\"Visit\",\"url\":\"https://www.messenger.com\"}");
        assertJson(Button.url("Shop", "https://shop.example.com").withWebviewHeightRatio("tall")
                .withMessengerExtensions(true).withFallbackUrl("https://example.com/fb")
                .withWebviewShareButton("hide"),
                """
                        {"type":"web_url","title":"Shop","url":"https://shop.example.com",
                         "webview_height_ratio":"tall","messenger_extensions":true,
                         "fallback_url":"https://example.com/fb","webview_share_button":"hide"}""");
        assertJson(Button.postback("Start", "START"), "{\"type\":\"postback\",\"title\":\"Start\",\"payload\":\"START\"}");
        assertJson(Button.call("Call us", "+16505551234"),
                "{\"type\":\"phone_number\",\"title\":\"Call us\",\"payload\":\"+16505551234\"}");
        assertJson(Button.accountLink("https://example.com/login"),
                "{\"type\":\"account_link\",\"url\":\"https://example.com/login\"}");
        assertJson(Button.accountUnlink(), "{\"type\":\"account_unlink\"}");
    }

    @Test
    void buttonTypeIsSerializedThroughTheInterfaceToo() throws Exception {
        List<Button> buttons = List.of(Button.postback("A", "a"), Button.accountUnlink());
        assertJson(buttons, "[{\"type\":\"postback\",\"title\":\"A\",\"payload\":\"a\"},{\"type\":\"account_unlink\"}]");
        assertThat(Button.call("x", "+1").type()).isEqualTo("phone_number");
    }

    @Test
    void defaultAction() throws Exception {
        assertJson(DefaultAction.url("https://example.com/view?item=103").withWebviewHeightRatio("tall"),
                "{\"type\":\"web_url\",\"url\":\"https://example.com/view?item=103\",\"webview_height_ratio\":\"tall\"}");
        assertJson(DefaultAction.url("https://example.com").withMessengerExtensions(true)
                .withFallbackUrl("https://example.com/f"),
                "{\"type\":\"web_url\",\"url\":\"https://example.com\",\"messenger_extensions\":true,"
                                                                                 + "\"fallback_url\":\"https://example.com/f\"}");
    }

    @Test
    void genericTemplateAsDocumented() throws Exception {
        GenericElement element = GenericElement.builder()
                .title("Welcome!")
                .subtitle("We have the right hat for everyone.")
                .imageUrl("https://example.com/hat.jpg")
                .defaultAction(DefaultAction.url("https://example.com/view?item=103").withWebviewHeightRatio("tall"))
                .button(Button.postback("Start Chatting", "START"))
                .build();
        Attachment attachment = Attachment.template(
                GenericTemplate.of(element).withImageAspectRatio("horizontal").withSharable(false));
        assertJson(attachment, """
                { "type": "template", "payload": {
                  "template_type": "generic",
                  "image_aspect_ratio": "horizontal",
                  "sharable": false,
                  "elements": [ {
                      "title": "Welcome!",
                      "subtitle": "We have the right hat for everyone.",
                      "image_url": "https://example.com/hat.jpg",
                      "default_action": { "type": "web_url", "url": "https://example.com/view?item=103",
                                          "webview_height_ratio": "tall" },
                      "buttons": [ { "type": "postback", "title": "Start Chatting", "payload": "START" } ] } ] } }""");
    }

    @Test
    void genericElementWithoutButtonsOmitsTheKey() throws Exception {
        assertJson(GenericElement.builder().title("T").defaultActionUrl("https://e.com").buttons(List.of()).build(),
                "{\"title\":\"T\",\"default_action\":{\"type\":\"web_url\",\"url\":\"https://e.com\"}}");
    }

    @Test
    void buttonTemplate() throws Exception {
        assertJson(ButtonTemplate.of("What do you want to do next?", Button.url("Visit Messenger", "https://www.messenger.com")),
                """
                        { "template_type": "button",
                          "text": "What do you want to do next?",
                          "buttons": [ { "type": "web_url", "url": "https://www.messenger.com", "title": "Visit Messenger" } ] }""");
        assertJson(ButtonTemplate.of("t", List.of(Button.postback("a", "b"))).withSharable(true),
                "{\"template_type\":\"button\",\"text\":\"t\",\"sharable\":true,"
                                                                                 + "\"buttons\":[{\"type\":\"postback\",\"title\":\"a\",\"payload\":\"b\"}]}");
    }

    @Test
    void emptyRequiredListStaysVisibleSoValidationCanNameIt() throws Exception {
        assertJson(ButtonTemplate.of("t", List.of()), "{\"template_type\":\"button\",\"text\":\"t\",\"buttons\":[]}");
    }

    @Test
    void mediaTemplate() throws Exception {
        assertJson(Attachment.template(MediaTemplate.of(MediaElement.attachmentId("image", "123")
                .withButtons(List.of(Button.url("View", "https://example.com"))))),
                """
                        { "type": "template", "payload": { "template_type": "media",
                          "elements": [ { "media_type": "image", "attachment_id": "123",
                            "buttons": [ { "type": "web_url", "url": "https://example.com", "title": "View" } ] } ] } }""");
        assertJson(MediaTemplate.of(MediaElement.url("video", "https://www.facebook.com/page/videos/1")).withSharable(true),
                """
                        { "template_type": "media", "sharable": true,
                          "elements": [ { "media_type": "video", "url": "https://www.facebook.com/page/videos/1" } ] }""");
    }

    @Test
    void oneTimeNotifRequestTemplate() throws Exception {
        assertJson(Attachment.template(OneTimeNotifRequestTemplate.of("Notify me when it is back", "restock")),
                """
                        { "type": "template", "payload": {
                            "template_type": "one_time_notif_req",
                            "title": "Notify me when it is back",
                            "payload": "restock" } }""");
    }

    @Test
    void mediaAttachments() throws Exception {
        assertJson(Attachment.image("https://example.com/a.jpg"),
                "{\"type\":\"image\",\"payload\":{\"url\":\"https://example.com/a.jpg\"}}");
        assertJson(Attachment.audio("https://e.com/a.mp3"), "{\"type\":\"audio\",\"payload\":{\"url\":\"https://e.com/a.mp3\"}}");
        assertJson(Attachment.video("https://e.com/a.mp4"), "{\"type\":\"video\",\"payload\":{\"url\":\"https://e.com/a.mp4\"}}");
        assertJson(Attachment.file("https://e.com/a.pdf"), "{\"type\":\"file\",\"payload\":{\"url\":\"https://e.com/a.pdf\"}}");
        assertJson(Attachment.media("image", MediaPayload.url("https://example.com/a.jpg", true)),
                "{\"type\":\"image\",\"payload\":{\"url\":\"https://example.com/a.jpg\",\"is_reusable\":true}}");
        assertJson(Attachment.media("image", MediaPayload.attachmentId("1857777774821032")),
                "{\"type\":\"image\",\"payload\":{\"attachment_id\":\"1857777774821032\"}}");
        assertJson(MediaPayload.url("https://e.com/x").withReusable(false), "{\"url\":\"https://e.com/x\",\"is_reusable\":false}");
    }

    @Test
    void textMessageWithQuickRepliesAsDocumented() throws Exception {
        SendRequest request = SendRequest.builder()
                .recipient(Recipient.id("<PSID>"))
                .messagingType("RESPONSE")
                .message(Message.builder()
                        .text("Pick a color:")
                        .quickReply(QuickReply.text("Red", "PICK_RED", "https://example.com/red.png"))
                        .quickReply(QuickReply.userEmail())
                        .quickReply(QuickReply.userPhoneNumber())
                        .build())
                .build();
        assertJson(request, """
                {
                  "recipient": { "id": "<PSID>" },
                  "messaging_type": "RESPONSE",
                  "message": {
                    "text": "Pick a color:",
                    "quick_replies": [
                      { "content_type": "text", "title": "Red", "payload": "PICK_RED", "image_url": "https://example.com/red.png" },
                      { "content_type": "user_email" },
                      { "content_type": "user_phone_number" }
                    ]
                  }
                }""");
    }

    @Test
    void messageForms() throws Exception {
        assertJson(Message.text("hi"), "{\"text\":\"hi\"}");
        assertJson(Message.attachment(Attachment.image("https://e.com/a.png")),
                "{\"attachment\":{\"type\":\"image\",\"payload\":{\"url\":\"https://e.com/a.png\"}}}");
        assertJson(Message.builder().attachments(List.of(Attachment.image("https://e.com/1.png"),
                Attachment.image("https://e.com/2.png"))).metadata("m").quickReplies(List.of()).build(),
                """
                        {"attachments":[{"type":"image","payload":{"url":"https://e.com/1.png"}},
                                        {"type":"image","payload":{"url":"https://e.com/2.png"}}],
                         "metadata":"m"}""");
        assertJson(Message.builder().text("a").quickReplies(List.of(QuickReply.userEmail())).build().toBuilder()
                .quickReply(QuickReply.userPhoneNumber()).build(),
                "{\"text\":\"a\",\"quick_replies\":[{\"content_type\":\"user_email\"},{\"content_type\":\"user_phone_number\"}]}");
    }

    @Test
    void senderActionRequestsAndReactions() throws Exception {
        assertJson(SendRequest.builder().recipient(Recipient.id("1")).senderAction(SenderAction.TYPING_ON)
                .personaId("p").build(),
                "{ \"recipient\": { \"id\": \"1\" }, \"sender_action\": \"typing_on\", \"persona_id\": \"p\" }");
        assertJson(SendRequest.builder().recipient(Recipient.id("1")).senderAction(SenderAction.REACT)
                .payload(Map.of("message_id", "m.1", "reaction", "😊")).build(),
                """
                        { "recipient": {"id": "1"}, "sender_action": "react",
                          "payload": { "message_id": "m.1", "reaction": "😊" } }""");
        assertThat(SenderAction.MARK_SEEN.wireName()).isEqualTo("mark_seen");
        assertThat(SenderAction.UNREACT.wireName()).isEqualTo("unreact");
        assertThat(SenderAction.TYPING_OFF.wireName()).isEqualTo("typing_off");
        assertThat(SenderAction.fromWireName("typing_off")).isEqualTo(SenderAction.TYPING_OFF);
        assertThat(((JsonNode) mapper.valueToTree(SenderAction.REACT)).asText()).isEqualTo("react");
        assertThatThrownBy(() -> SenderAction.fromWireName("wave")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allTopLevelFields() throws Exception {
        SendRequest request = SendRequest.builder()
                .recipient(Recipient.oneTimeNotifToken("tok"))
                .messagingType("MESSAGE_TAG")
                .tag("HUMAN_AGENT")
                .notificationType("SILENT_PUSH")
                .personaId("persona")
                .message(Message.text("hello"))
                .threadControl(ThreadControl.pass("263902037430900"))
                .replyToMid("m_abc")
                .build();
        assertJson(request, """
                { "recipient": {"one_time_notif_token": "tok"},
                  "messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT", "notification_type": "SILENT_PUSH",
                  "persona_id": "persona", "message": {"text": "hello"},
                  "thread_control": {"control_type": "pass", "app_id": "263902037430900"},
                  "reply_to": {"mid": "m_abc"} }""");
        assertJson(ThreadControl.release(), "{\"control_type\":\"release\"}");
        assertJson(ThreadControl.pass(null), "{\"control_type\":\"pass\"}");
    }

    @Test
    void toBuilderFillsInMissingValuesAndKeepsTheRest() throws Exception {
        SendRequest partial = SendRequest.builder().message(Message.text("x")).replyToMid("m1")
                .payload(Map.of("k", "v")).build();
        SendRequest filled = partial.toBuilder().recipient(Recipient.id("9")).messagingType("UPDATE").build();
        assertJson(filled, "{\"recipient\":{\"id\":\"9\"},\"messaging_type\":\"UPDATE\",\"message\":{\"text\":\"x\"},"
                           + "\"payload\":{\"k\":\"v\"},\"reply_to\":{\"mid\":\"m1\"}}");
        assertThat(partial.recipient()).isNull();
        assertThat(filled.toBuilder().build()).isEqualTo(filled);
    }

    @Test
    void listsAreDefensivelyCopied() {
        List<QuickReply> source = new ArrayList<>(List.of(QuickReply.userEmail()));
        Message message = new Message("t", null, null, source, null);
        source.add(QuickReply.userPhoneNumber());
        assertThat(message.quickReplies()).hasSize(1);
        assertThatThrownBy(() -> message.quickReplies().add(QuickReply.userEmail()))
                .isInstanceOf(UnsupportedOperationException.class);

        List<Button> buttons = new ArrayList<>(List.of(Button.accountUnlink()));
        ButtonTemplate template = new ButtonTemplate("t", buttons, null);
        buttons.clear();
        assertThat(template.buttons()).hasSize(1);

        Message.Builder builder = Message.builder().quickReply(QuickReply.userEmail());
        Message first = builder.build();
        builder.quickReply(QuickReply.userPhoneNumber());
        assertThat(first.quickReplies()).hasSize(1);
        assertThat(builder.build().quickReplies()).hasSize(2);

        assertThat(new Message("t", null, null, null, null).quickReplies()).isNull();
    }

    @Test
    void nullElementsAreRejectedWithTheListName() {
        List<QuickReply> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new Message("t", null, null, withNull, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("quickReplies");
    }
}
