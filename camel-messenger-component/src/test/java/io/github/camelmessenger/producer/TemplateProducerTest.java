package io.github.camelmessenger.producer;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.Button;
import io.github.camelmessenger.model.ButtonTemplate;
import io.github.camelmessenger.model.DefaultAction;
import io.github.camelmessenger.model.GenericElement;
import io.github.camelmessenger.model.GenericTemplate;
import io.github.camelmessenger.model.MediaElement;
import io.github.camelmessenger.model.MediaTemplate;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateProducerTest extends GraphApiTestSupport {

    private static final String ME = "/v25.0/me/messages";

    @Test
    void buttonTemplateFromShorthandCoversEveryButtonKind() {
        Exchange out = send("messenger:sendButtonTemplate", "What next?", Map.of("CamelMessengerButtons",
                "Visit=https://www.messenger.com\nCall us=phone_number:+16505551234\nMore=MORE_PAYLOAD"));

        assertThat(out.getException()).isNull();
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"button","text":"What next?","buttons":[
                    {"type":"web_url","url":"https://www.messenger.com","title":"Visit"},
                    {"type":"phone_number","title":"Call us","payload":"+16505551234"},
                    {"type":"postback","title":"More","payload":"MORE_PAYLOAD"}]}}}}
                """.formatted(PSID));
    }

    @Test
    void accountLinkAndUnlinkButtonsFromTheUriOption() {
        send("messenger:sendButtonTemplate?buttons=Log in=account_link:https://example.com/login,account_unlink",
                "Your account");

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"button","text":"Your account","buttons":[
                    {"type":"account_link","url":"https://example.com/login"},{"type":"account_unlink"}]}}}}
                """.formatted(PSID));
    }

    @Test
    void buttonTemplateFromAMapPayloadAndFromTheTypedModel() {
        send("messenger:sendButtonTemplate", Map.of("text", "Map form", "buttons",
                List.of(Map.of("type", "postback", "title", "Go", "payload", "GO"))));
        String expected = """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"button","text":"Map form","buttons":[
                    {"type":"postback","title":"Go","payload":"GO"}]}}}}
                """.formatted(PSID);
        assertOnlyRequest(ME, expected);

        graph.resetRequests();
        send("messenger:sendButtonTemplate", new ButtonTemplate("Map form", List.of(Button.postback("Go", "GO")), null));
        assertOnlyRequest(ME, expected);
    }

    @Test
    void buttonTemplateNeedsOneToThreeButtons() {
        Exchange none = send("messenger:sendButtonTemplate", "No buttons");
        assertThat(none.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("buttons");

        Exchange four = send("messenger:sendButtonTemplate?buttons=A,B,C,D", "Four buttons");
        assertThat(four.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("message.attachment.payload.buttons").hasMessageContaining("3");
        assertNoRequest();
    }

    @Test
    void genericTemplateFromOptionsAndHeaders() {
        send("messenger:sendGenericTemplate?subtitle=For everyone&imageUrl=https://example.com/hat.jpg"
             + "&defaultActionUrl=https://example.com/view?item=103&buttons=Start Chatting=START",
                "Welcome!");

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"generic","elements":[{"title":"Welcome!","subtitle":"For everyone",
                    "image_url":"https://example.com/hat.jpg",
                    "default_action":{"type":"web_url","url":"https://example.com/view?item=103"},
                    "buttons":[{"type":"postback","title":"Start Chatting","payload":"START"}]}]}}}}
                """.formatted(PSID));
    }

    @Test
    void genericTemplateCarouselFromTheTypedModel() {
        GenericTemplate carousel = new GenericTemplate(List.of(
                GenericElement.builder().title("Hat").subtitle("Warm").build(),
                GenericElement.builder().title("Scarf").imageUrl("https://example.com/scarf.jpg")
                        .defaultAction(DefaultAction.url("https://example.com/scarf"))
                        .buttons(List.of(Button.url("Buy", "https://example.com/buy"))).build()),
                "square", null);

        send("messenger:sendGenericTemplate", carousel);

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"generic","image_aspect_ratio":"square","elements":[
                    {"title":"Hat","subtitle":"Warm"},
                    {"title":"Scarf","image_url":"https://example.com/scarf.jpg",
                     "default_action":{"type":"web_url","url":"https://example.com/scarf"},
                     "buttons":[{"type":"web_url","title":"Buy","url":"https://example.com/buy"}]}]}}}}
                """.formatted(PSID));
    }

    @Test
    void genericTemplateFromAMapCard() {
        send("messenger:sendGenericTemplate", Map.of("title", "Card", "subtitle", "From a map"));

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"generic","elements":[{"title":"Card","subtitle":"From a map"}]}}}}
                """.formatted(PSID));
    }

    @Test
    void genericCardWithOnlyATitleIsRejected() {
        Exchange out = send("messenger:sendGenericTemplate", "Just a title");

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("message.attachment.payload.elements[0]");
        assertNoRequest();
    }

    @Test
    void mediaTemplateByAttachmentIdAndByFacebookUrl() {
        send("messenger:sendMediaTemplate?buttons=View=https://example.com", "1857777774821032");
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"media","elements":[{"media_type":"image","attachment_id":"1857777774821032",
                    "buttons":[{"type":"web_url","url":"https://example.com","title":"View"}]}]}}}}
                """.formatted(PSID));

        graph.resetRequests();
        send("messenger:sendMediaTemplate",
                new MediaTemplate(List.of(MediaElement.url("video", "https://www.facebook.com/acme/videos/1234567890")),
                        null));
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"media","elements":[{"media_type":"video",
                    "url":"https://www.facebook.com/acme/videos/1234567890"}]}}}}
                """.formatted(PSID));
    }

    @Test
    void mediaTemplateRejectsAThirdPartyUrl() {
        Exchange out = send("messenger:sendMediaTemplate", "https://example.com/cat.jpg");

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("message.attachment.payload.elements[0].url")
                .hasMessageContaining("https://example.com/cat.jpg");
        assertNoRequest();
    }

    @Test
    void mediaTemplateAllowsOneButtonOnly() {
        Exchange out = send("messenger:sendMediaTemplate?buttons=A,B", "1857777774821032");

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("buttons");
        assertNoRequest();
    }
}
