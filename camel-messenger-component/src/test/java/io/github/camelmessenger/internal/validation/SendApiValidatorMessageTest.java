package io.github.camelmessenger.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerValidationException;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.internal.validation.ValidationSupport.assertInvalid;
import static io.github.camelmessenger.internal.validation.ValidationSupport.assertValid;
import static io.github.camelmessenger.internal.validation.ValidationSupport.chars;
import static io.github.camelmessenger.internal.validation.ValidationSupport.json;
import static io.github.camelmessenger.internal.validation.ValidationSupport.quote;
import static io.github.camelmessenger.internal.validation.ValidationSupport.request;
import static io.github.camelmessenger.internal.validation.ValidationSupport.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The message object: text, metadata, quick replies, file attachments and multi-image messages. */
class SendApiValidatorMessageTest {

    private static final String TEXT_QR = "{'content_type':'text','title':'t','payload':'p'}";

    private static JsonNode textWithQuickReplies(String quickRepliesJson) {
        return request("{'text':'Pick one','quick_replies':" + quickRepliesJson + "}");
    }

    private static JsonNode quickReply(String quickReplyJson) {
        return textWithQuickReplies("[" + TEXT_QR + "," + quickReplyJson + "]");
    }

    private static JsonNode mediaPayload(String payloadJson) {
        return request("{'attachment':{'type':'image','payload':" + payloadJson + "}}");
    }

    @Test
    void messageMustBeAnObject() {
        assertInvalid(json("{'recipient':{'id':'1'},'message':'hi'}"), "message", "must be a JSON object");
    }

    @Test
    void exactlyOneOfTextAttachmentAttachments() {
        assertInvalid(request("{'text':'a','attachment':{'type':'image','payload':{'url':'https://e.com/a.png'}}}"),
                "message", "needs exactly one of text, attachment, attachments");
        assertInvalid(request("{'metadata':'m'}"), "message", "needs exactly one of text, attachment, attachments");
    }

    @Test
    void textAtMost2000Characters() {
        assertValid(request("{'text':" + quote(chars(2000)) + "}"));
        MessengerValidationException e = assertInvalid(request("{'text':" + quote(chars(2001)) + "}"),
                "message.text", "at most 2000 characters");
        assertThat(e.getMessage())
                .isEqualTo("message.text: at most 2000 characters (was: \"" + chars(100) + "…\" (2001 characters))");
    }

    @Test
    void textLengthCountsUtf16CharsSoAnEmojiCountsTwice() {
        String smile = "\uD83D\uDE0A";
        assertValid(request("{'text':" + quote(smile.repeat(1000)) + "}"));
        assertInvalid(request("{'text':" + quote(smile.repeat(1000) + "a") + "}"), "message.text",
                "at most 2000 characters");
    }

    @Test
    void textMustNotBeEmpty() {
        assertInvalid(request("{'text':''}"), "message.text", "must not be empty");
        assertInvalid(request("{'text':{'a':1}}"), "message.text", "must be a string");
    }

    @Test
    void metadataAtMost1000Characters() {
        assertValid(request("{'text':'a','metadata':" + quote(chars(1000)) + "}"));
        assertInvalid(request("{'text':'a','metadata':" + quote(chars(1001)) + "}"), "message.metadata",
                "at most 1000 characters");
    }

    @Test
    void atMost13QuickReplies() {
        assertValid(textWithQuickReplies(times(13, TEXT_QR)));
        MessengerValidationException e = assertInvalid(textWithQuickReplies(times(14, TEXT_QR)),
                "message.quick_replies", "at most 13 quick replies");
        assertThat(e.getMessage()).isEqualTo("message.quick_replies: at most 13 quick replies (was: 14)");
        assertInvalid(textWithQuickReplies("{'content_type':'user_email'}"), "message.quick_replies",
                "must be a JSON array");
    }

    @Test
    void quickRepliesMayAccompanyAnAttachment() {
        assertValid(request("{'attachment':{'type':'image','payload':{'url':'https://e.com/a.png'}},"
                            + "'quick_replies':[{'content_type':'user_phone_number'}]}"));
    }

    @Test
    void quickReplyContentType() {
        assertValid(textWithQuickReplies("[{'content_type':'user_email'},{'content_type':'user_phone_number'}]"));
        assertInvalid(quickReply("{'content_type':'location'}"), "message.quick_replies[1].content_type",
                "must be one of text, user_email, user_phone_number");
        assertInvalid(quickReply("{'title':'t','payload':'p'}"), "message.quick_replies[1].content_type",
                "is required");
    }

    @Test
    void quickReplyTitleAtMost20AndRequiredWithoutImage() {
        assertValid(quickReply("{'content_type':'text','title':" + quote(chars(20)) + ",'payload':'p'}"));
        assertInvalid(quickReply("{'content_type':'text','title':" + quote(chars(21)) + ",'payload':'p'}"),
                "message.quick_replies[1].title", "at most 20 characters");
        assertInvalid(quickReply("{'content_type':'text','payload':'p'}"), "message.quick_replies[1].title",
                "is required for a text quick reply without image_url");
        assertValid(quickReply("{'content_type':'text','payload':'p','image_url':'https://e.com/i.png'}"));
    }

    @Test
    void quickReplyPayloadRequiredAtMost1000AndEmptyOnlyWithImage() {
        assertValid(quickReply("{'content_type':'text','title':'t','payload':" + quote(chars(1000)) + "}"));
        assertValid(quickReply("{'content_type':'text','title':'t','payload':42}"));
        assertInvalid(quickReply("{'content_type':'text','title':'t','payload':" + quote(chars(1001)) + "}"),
                "message.quick_replies[1].payload", "at most 1000 characters");
        assertInvalid(quickReply("{'content_type':'text','title':'t'}"), "message.quick_replies[1].payload",
                "is required");
        assertInvalid(quickReply("{'content_type':'text','title':'t','payload':''}"),
                "message.quick_replies[1].payload", "must not be empty for a text quick reply without image_url");
        assertValid(quickReply("{'content_type':'text','title':'t','payload':'','image_url':'https://e.com/i.png'}"));
    }

    @Test
    void quickReplyImageUrlMustBeHttp() {
        assertValid(quickReply("{'content_type':'text','title':'t','payload':'p','image_url':'http://e.com/i.png'}"));
        assertInvalid(quickReply("{'content_type':'text','title':'t','payload':'p','image_url':'ftp://e.com/i.png'}"),
                "message.quick_replies[1].image_url", "must be an http:// or https:// URL");
        assertInvalid(quickReply("{'content_type':'text','title':'t','payload':'p','image_url':'icon.png'}"),
                "message.quick_replies[1].image_url", "must be an http:// or https:// URL");
    }

    @Test
    void attachmentType() {
        for (String type : new String[] { "image", "audio", "video", "file" }) {
            assertValid(request("{'attachment':{'type':'" + type + "','payload':{'url':'https://e.com/f'}}}"));
        }
        assertInvalid(request("{'attachment':{'type':'gif','payload':{'url':'https://e.com/f'}}}"),
                "message.attachment.type", "must be one of image, audio, video, file, template");
        assertInvalid(request("{'attachment':{'type':'image'}}"), "message.attachment.payload", "is required");
    }

    @Test
    void mediaPayloadNeedsExactlyOneOfUrlAndAttachmentId() {
        assertValid(mediaPayload("{'url':'https://e.com/a.jpg','is_reusable':true}"));
        assertValid(mediaPayload("{'attachment_id':'1857777774821032'}"));
        assertInvalid(mediaPayload("{'url':'https://e.com/a.jpg','attachment_id':'1'}"), "message.attachment.payload",
                "needs exactly one of url, attachment_id");
        assertInvalid(mediaPayload("{'is_reusable':true}"), "message.attachment.payload",
                "needs exactly one of url, attachment_id");
    }

    @Test
    void mediaPayloadUrlMustBeHttp() {
        assertInvalid(mediaPayload("{'url':'file:///etc/passwd'}"), "message.attachment.payload.url",
                "must be an http:// or https:// URL");
        assertInvalid(mediaPayload("{'url':'https://e.com/a b.jpg'}"), "message.attachment.payload.url",
                "must be an http:// or https:// URL");
    }

    @Test
    void isReusableNotWithAttachmentId() {
        assertInvalid(mediaPayload("{'attachment_id':'1','is_reusable':true}"),
                "message.attachment.payload.is_reusable", "not allowed with attachment_id");
        assertInvalid(mediaPayload("{'url':'https://e.com/a.jpg','is_reusable':'yes'}"),
                "message.attachment.payload.is_reusable", "must be true or false");
    }

    @Test
    void multipartSendCarriesNoUrl() {
        JsonNode fileForm = mediaPayload("{'is_reusable':true}");
        assertThatCode(() -> SendApiValidator.validate(fileForm, true)).doesNotThrowAnyException();
        MessengerValidationException e = catchThrowableOfType(MessengerValidationException.class,
                () -> SendApiValidator.validate(mediaPayload("{'url':'https://e.com/a.jpg'}"), true));
        assertThat(e.getField()).isEqualTo("message.attachment.payload.url");
        assertThat(e.getLimit()).contains("not allowed when the file is sent as filedata");
    }

    @Test
    void attachmentsOneToThirtyImages() {
        String image = "{'type':'image','payload':{'url':'https://e.com/a.jpg'}}";
        assertValid(request("{'attachments':" + times(1, image) + "}"));
        assertValid(request("{'attachments':" + times(30, image) + "}"));
        MessengerValidationException e = assertInvalid(request("{'attachments':" + times(31, image) + "}"),
                "message.attachments", "1 to 30 image attachments");
        assertThat(e.getMessage()).endsWith("(was: 31)");
        assertInvalid(request("{'attachments':[]}"), "message.attachments", "1 to 30 image attachments");
    }

    @Test
    void attachmentsMustAllBeImages() {
        assertInvalid(request("{'attachments':[{'type':'image','payload':{'url':'https://e.com/a.jpg'}},"
                              + "{'type':'video','payload':{'url':'https://e.com/a.mp4'}}]}"),
                "message.attachments[1].type", "must be image");
        assertInvalid(request("{'attachments':[{'type':'image','payload':{'url':'nope'}}]}"),
                "message.attachments[0].payload.url", "must be an http:// or https:// URL");
    }

    @Test
    void uploadUrlForm() {
        assertThatCode(() -> SendApiValidator.validateUpload(json(
                "{'message':{'attachment':{'type':'image','payload':{'url':'http://www.messenger-rocks.com/image.jpg',"
                                                                          + "'is_reusable':true}}}}")))
                .doesNotThrowAnyException();
        assertUploadInvalid("{}", "message", "is required");
        assertUploadInvalid("{'message':{'attachment':{'type':'template','payload':{'template_type':'button'}}}}",
                "message.attachment.type", "must be one of image, audio, video, file");
        assertUploadInvalid("{'message':{'attachment':{'type':'image','payload':{'attachment_id':'1'}}}}",
                "message.attachment.payload.attachment_id", "not allowed in an upload");
        assertUploadInvalid("{'message':{'attachment':{'type':'file','payload':{'is_reusable':true}}}}",
                "message.attachment.payload", "needs exactly one of url, attachment_id");
        assertUploadInvalid("{'message':{'attachment':{'type':'file','payload':{'url':'www.e.com/a.pdf'}}}}",
                "message.attachment.payload.url", "must be an http:// or https:// URL");
    }

    @Test
    void uploadFileForm() {
        assertThatCode(() -> SendApiValidator.validateUpload(
                json("{'message':{'attachment':{'type':'audio','payload':{'is_reusable':true}}}}"), true))
                .doesNotThrowAnyException();
    }

    private static void assertUploadInvalid(String body, String field, String limit) {
        MessengerValidationException e = catchThrowableOfType(MessengerValidationException.class,
                () -> SendApiValidator.validateUpload(json(body)));
        assertThat(e).as(body).isNotNull();
        assertThat(e.getField()).isEqualTo(field);
        assertThat(e.getLimit()).contains(limit);
    }
}
