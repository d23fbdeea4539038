package io.github.camelmessenger.internal.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.model.Button;
import io.github.camelmessenger.model.ButtonTemplate;
import io.github.camelmessenger.model.DefaultAction;
import io.github.camelmessenger.model.GenericElement;
import io.github.camelmessenger.model.GenericTemplate;
import io.github.camelmessenger.model.MediaElement;
import io.github.camelmessenger.model.MediaTemplate;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.OneTimeNotifRequestTemplate;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelmessenger.internal.validation.ValidationSupport.MAPPER;
import static io.github.camelmessenger.internal.validation.ValidationSupport.assertInvalid;
import static io.github.camelmessenger.internal.validation.ValidationSupport.assertValid;
import static io.github.camelmessenger.internal.validation.ValidationSupport.chars;
import static io.github.camelmessenger.internal.validation.ValidationSupport.postbacks;
import static io.github.camelmessenger.internal.validation.ValidationSupport.quote;
import static io.github.camelmessenger.internal.validation.ValidationSupport.template;
import static io.github.camelmessenger.internal.validation.ValidationSupport.times;
import static org.assertj.core.api.Assertions.assertThat;

/** Button, generic, media and one-time notification request templates. */
class SendApiValidatorTemplateTest {

    private static final String P = "message.attachment.payload";

    private static JsonNode buttonTemplate(String text, String buttons) {
        return template("{'template_type':'button','text':" + text + ",'buttons':" + buttons + "}");
    }

    private static JsonNode generic(String elements) {
        return template("{'template_type':'generic','elements':" + elements + "}");
    }

    private static JsonNode genericElement(String elementFieldsJson) {
        return generic("[{" + elementFieldsJson + "}]");
    }

    private static JsonNode media(String elements) {
        return template("{'template_type':'media','elements':" + elements + "}");
    }

    private static JsonNode mediaUrl(String url) {
        return media("[{'media_type':'video','url':'" + url + "'}]");
    }

    @Test
    void templateTypeIsRequiredAndUnknownTypesPass() {
        assertInvalid(template("{'text':'x'}"), P + ".template_type", "is required");
        assertValid(template("{'template_type':'receipt','recipient_name':'x','elements':'anything'}"));
    }

    @Test
    void buttonTemplateTextOneTo640() {
        assertValid(buttonTemplate(quote(chars(640)), postbacks(1)));
        assertInvalid(buttonTemplate(quote(chars(641)), postbacks(1)), P + ".text", "at most 640 characters");
        assertInvalid(buttonTemplate("''", postbacks(1)), P + ".text", "must not be empty");
        assertInvalid(template("{'template_type':'button','buttons':" + postbacks(1) + "}"), P + ".text",
                "is required");
    }

    @Test
    void buttonTemplateOneToThreeButtons() {
        assertValid(buttonTemplate("'Pick'", postbacks(3)));
        MessengerValidationException e = assertInvalid(buttonTemplate("'Pick'", postbacks(4)), P + ".buttons",
                "1 to 3 buttons");
        assertThat(e.getMessage()).endsWith("(was: 4)");
        assertInvalid(buttonTemplate("'Pick'", "[]"), P + ".buttons", "1 to 3 buttons");
        assertInvalid(template("{'template_type':'button','text':'Pick'}"), P + ".buttons", "is required");
    }

    @Test
    void genericOneToTenElements() {
        String element = "{'title':'T','subtitle':'S'}";
        assertValid(generic(times(10, element)));
        assertInvalid(generic(times(11, element)), P + ".elements", "1 to 10 elements");
        assertInvalid(generic("[]"), P + ".elements", "1 to 10 elements");
        assertInvalid(template("{'template_type':'generic'}"), P + ".elements", "is required");
    }

    @Test
    void genericTitleRequiredAtMost80() {
        assertValid(genericElement("'title':" + quote(chars(80)) + ",'subtitle':'S'"));
        assertInvalid(genericElement("'title':" + quote(chars(81)) + ",'subtitle':'S'"), P + ".elements[0].title",
                "at most 80 characters");
        assertInvalid(genericElement("'subtitle':'S'"), P + ".elements[0].title", "is required");
    }

    @Test
    void genericSubtitleAtMost80() {
        assertValid(genericElement("'title':'T','subtitle':" + quote(chars(80))));
        assertInvalid(generic("[{'title':'T','subtitle':'S'},{'title':'T','subtitle':" + quote(chars(81)) + "}]"),
                P + ".elements[1].subtitle", "at most 80 characters");
    }

    @Test
    void genericElementNeedsMoreThanATitle() {
        assertValid(genericElement("'title':'T','image_url':'https://e.com/hat.jpg'"));
        assertValid(genericElement("'title':'T','default_action':{'type':'web_url','url':'https://e.com'}"));
        assertValid(genericElement("'title':'T','buttons':" + postbacks(1)));
        assertInvalid(genericElement("'title':'T'"), P + ".elements[0]",
                "needs at least one of subtitle, image_url, default_action or buttons besides the title");
        assertInvalid(genericElement("'title':'T','buttons':[]"), P + ".elements[0]", "needs at least one of");
    }

    @Test
    void genericAtMostThreeButtonsPerElement() {
        assertValid(genericElement("'title':'T','buttons':" + postbacks(3)));
        assertInvalid(genericElement("'title':'T','buttons':" + postbacks(4)), P + ".elements[0].buttons",
                "at most 3 buttons");
    }

    @Test
    void genericImageUrlMustBeHttp() {
        assertInvalid(genericElement("'title':'T','image_url':'hat.jpg'"), P + ".elements[0].image_url",
                "must be an http:// or https:// URL");
    }

    @Test
    void genericDefaultActionIsAUrlButtonWithoutTitle() {
        assertValid(genericElement("'title':'T','default_action':{'type':'web_url','url':'https://e.com',"
                                   + "'webview_height_ratio':'tall','messenger_extensions':true,"
                                   + "'fallback_url':'https://e.com/f'}"));
        assertInvalid(genericElement("'title':'T','default_action':{'type':'web_url','url':'https://e.com',"
                                     + "'title':'Open'}"),
                P + ".elements[0].default_action.title", "not allowed in a default_action");
        assertInvalid(genericElement("'title':'T','default_action':{'type':'postback','url':'https://e.com'}"),
                P + ".elements[0].default_action.type", "must be one of web_url");
        assertInvalid(genericElement("'title':'T','default_action':{'url':'https://e.com'}"),
                P + ".elements[0].default_action.type", "is required");
        assertInvalid(genericElement("'title':'T','default_action':{'type':'web_url'}"),
                P + ".elements[0].default_action.url", "is required");
        assertInvalid(genericElement("'title':'T','default_action':{'type':'web_url','url':'https://e.com',"
                                     + "'fallback_url':'https://e.com/f'}"),
                P + ".elements[0].default_action.fallback_url", "only allowed when messenger_extensions is true");
    }

    @ParameterizedTest
    @ValueSource(strings = { "horizontal", "square" })
    void genericImageAspectRatios(String ratio) {
        assertValid(template("{'template_type':'generic','image_aspect_ratio':'" + ratio + "',"
                             + "'elements':[{'title':'T','subtitle':'S'}]}"));
    }

    @Test
    void unknownImageAspectRatioFails() {
        assertInvalid(template("{'template_type':'generic','image_aspect_ratio':'wide',"
                               + "'elements':[{'title':'T','subtitle':'S'}]}"),
                P + ".image_aspect_ratio", "must be one of horizontal, square");
    }

    @Test
    void mediaExactlyOneElement() {
        String element = "{'media_type':'image','attachment_id':'123'}";
        assertValid(media(times(1, element)));
        MessengerValidationException e = assertInvalid(media(times(2, element)), P + ".elements", "exactly 1 element");
        assertThat(e.getMessage()).endsWith("(was: 2)");
        assertInvalid(media("[]"), P + ".elements", "exactly 1 element");
    }

    @Test
    void mediaTypeImageOrVideo() {
        assertValid(media("[{'media_type':'video','attachment_id':'123'}]"));
        assertInvalid(media("[{'media_type':'audio','attachment_id':'123'}]"), P + ".elements[0].media_type",
                "must be one of image, video");
        assertInvalid(media("[{'attachment_id':'123'}]"), P + ".elements[0].media_type", "is required");
    }

    @Test
    void mediaExactlyOneOfAttachmentIdAndUrl() {
        assertInvalid(media("[{'media_type':'image','attachment_id':'1','url':'https://www.facebook.com/p/photos/1'}]"),
                P + ".elements[0]", "needs exactly one of attachment_id, url");
        assertInvalid(media("[{'media_type':'image'}]"), P + ".elements[0]", "needs exactly one of attachment_id, url");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://www.facebook.com/MyPage/videos/1234567890", "https://facebook.com/p/photos/1",
            "https://m.facebook.com/story.php?id=1", "https://fb.watch/abcdEF/", "https://www.fb.com/x",
            "https://WWW.FACEBOOK.COM/page/videos/1" })
    void mediaFacebookUrlsPass(String url) {
        assertValid(mediaUrl(url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://example.com/video.mp4", "http://www.facebook.com/page/videos/1",
            "https://notfacebook.com/v", "https://facebook.com.evil.example/v", "www.facebook.com/page/videos/1" })
    void mediaThirdPartyUrlsFailWithUploadAdvice(String url) {
        MessengerValidationException e = assertInvalid(mediaUrl(url), P + ".elements[0].url",
                "must be a Facebook URL");
        assertThat(e.getLimit()).contains("uploadAttachment").contains("attachment_id");
    }

    @Test
    void mediaAtMostOneButton() {
        assertValid(media("[{'media_type':'image','attachment_id':'1','buttons':" + postbacks(1) + "}]"));
        assertInvalid(media("[{'media_type':'image','attachment_id':'1','buttons':" + postbacks(2) + "}]"),
                P + ".elements[0].buttons", "at most 1 buttons");
    }

    @Test
    void oneTimeNotifRequestTitleAtMost65AndPayloadRequired() {
        assertValid(template("{'template_type':'one_time_notif_req','title':" + quote(chars(65)) + ",'payload':'p'}"));
        assertInvalid(template("{'template_type':'one_time_notif_req','title':" + quote(chars(66)) + ",'payload':'p'}"),
                P + ".title", "at most 65 characters");
        assertInvalid(template("{'template_type':'one_time_notif_req','payload':'p'}"), P + ".title", "is required");
        assertInvalid(template("{'template_type':'one_time_notif_req','title':'Notify me'}"), P + ".payload",
                "is required");
        assertInvalid(template("{'template_type':'one_time_notif_req','title':'Notify me','payload':''}"),
                P + ".payload", "must not be empty");
    }

    @Test
    void templatesBuiltWithTheModelPass() {
        List<Attachment> attachments = List.of(
                Attachment.template(ButtonTemplate.of("Next?", Button.url("Visit", "https://www.messenger.com"),
                        Button.call("Call", "+16505551234"), Button.accountLink("https://e.com/login"))),
                Attachment.template(GenericTemplate.of(GenericElement.builder().title("Hat").subtitle("Nice")
                        .imageUrl("https://e.com/hat.jpg")
                        .defaultAction(DefaultAction.url("https://e.com/hat").withWebviewHeightRatio("tall"))
                        .button(Button.postback("Buy", "BUY")).button(Button.accountUnlink()).build())
                        .withImageAspectRatio("square")),
                Attachment.template(MediaTemplate.of(MediaElement.url("video", "https://www.facebook.com/p/videos/1")
                        .withButtons(List.of(Button.url("More", "https://e.com"))))),
                Attachment.template(OneTimeNotifRequestTemplate.of("Tell me when it is back", "restock")));
        for (Attachment attachment : attachments) {
            assertValid(MAPPER.valueToTree(SendRequest.builder().recipient(Recipient.id("1"))
                    .message(Message.attachment(attachment)).build()));
        }
    }
}
