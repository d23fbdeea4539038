package io.github.camelmessenger.internal.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import static io.github.camelmessenger.internal.validation.Checks.array;
import static io.github.camelmessenger.internal.validation.Checks.bool;
import static io.github.camelmessenger.internal.validation.Checks.exactlyOne;
import static io.github.camelmessenger.internal.validation.Checks.fail;
import static io.github.camelmessenger.internal.validation.Checks.get;
import static io.github.camelmessenger.internal.validation.Checks.has;
import static io.github.camelmessenger.internal.validation.Checks.index;
import static io.github.camelmessenger.internal.validation.Checks.itemCount;
import static io.github.camelmessenger.internal.validation.Checks.maxItems;
import static io.github.camelmessenger.internal.validation.Checks.maxLength;
import static io.github.camelmessenger.internal.validation.Checks.object;
import static io.github.camelmessenger.internal.validation.Checks.oneOf;
import static io.github.camelmessenger.internal.validation.Checks.path;
import static io.github.camelmessenger.internal.validation.Checks.requiredString;
import static io.github.camelmessenger.internal.validation.Checks.requiredText;
import static io.github.camelmessenger.internal.validation.Checks.string;
import static io.github.camelmessenger.internal.validation.PlatformLimits.ACTIVE_TAGS;
import static io.github.camelmessenger.internal.validation.PlatformLimits.ATTACHMENTS_MAX;
import static io.github.camelmessenger.internal.validation.PlatformLimits.ATTACHMENT_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.MEDIA_ATTACHMENT_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.MESSAGING_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.MESSAGING_TYPE_MESSAGE_TAG;
import static io.github.camelmessenger.internal.validation.PlatformLimits.METADATA_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.MULTI_ATTACHMENT_TYPE;
import static io.github.camelmessenger.internal.validation.PlatformLimits.NOTIFICATION_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.QUICK_REPLIES_MAX;
import static io.github.camelmessenger.internal.validation.PlatformLimits.QUICK_REPLY_CONTENT_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.QUICK_REPLY_PAYLOAD_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.QUICK_REPLY_TITLE_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.RECIPIENT_IDENTIFIERS;
import static io.github.camelmessenger.internal.validation.PlatformLimits.RETIRED_TAG_ADVICE;
import static io.github.camelmessenger.internal.validation.PlatformLimits.SECRET_RECIPIENT_IDENTIFIERS;
import static io.github.camelmessenger.internal.validation.PlatformLimits.SENDER_ACTIONS;
import static io.github.camelmessenger.internal.validation.PlatformLimits.TAGS_RETIRED_2020;
import static io.github.camelmessenger.internal.validation.PlatformLimits.TAGS_RETIRED_2026;
import static io.github.camelmessenger.internal.validation.PlatformLimits.TEXT_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.THREAD_CONTROL_TYPES;

/**
 * Checks a request body against the documented Messenger Platform rules and limits ({@link PlatformLimits}) before
 * it is sent, so a bad request fails fast with a message naming the field, the rule and the value instead of an opaque
 * Graph API error 100.
 * <p>
 * The checks run on the JSON tree, so requests built with the {@code model} package and Map/JSON bodies supplied by
 * routes are treated alike. The first violation raises a
 * {@link io.github.camelmessenger.MessengerValidationException} whose field is the JSON
 * path of the offending value, e.g. {@code message.attachment.payload.buttons[0].title}.
 * <p>
 * Deliberately lenient where the platform has more than this component models: unknown template types, and the
 * {@code game_play} / {@code audio_call} buttons, are passed through with only their type checked. A missing
 * {@code messaging_type} is accepted (the producer fills it in), and so is a {@code tag} without one.
 */
public final class SendApiValidator {

    private static final List<String> REQUEST_KINDS = List.of("message", "sender_action");
    private static final List<String> MESSAGE_KINDS = List.of("text", "attachment", "attachments");
    private static final List<String> MEDIA_SOURCES = List.of("url", "attachment_id");

    private SendApiValidator() {
    }

    /** Checks a Send API request body ({@code POST /{page-id}/messages}). */
    public static void validate(JsonNode request) {
        validate(request, false);
    }

    /**
     * Checks a Send API request body.
     *
     * @param withFileData {@code true} when the request is sent as multipart with the file in a {@code filedata} part:
     *                     the media attachment payload then carries neither {@code url} nor {@code attachment_id}
     */
    public static void validate(JsonNode request, boolean withFileData) {
        if (request == null || !request.isObject()) {
            fail("request", "must be a JSON object", request);
        }
        recipient(request);
        String messagingType = string(request, "messaging_type", "messaging_type");
        oneOf("messaging_type", messagingType, MESSAGING_TYPES);
        tag(request, messagingType);
        oneOf("notification_type", string(request, "notification_type", "notification_type"), NOTIFICATION_TYPES);
        string(request, "persona_id", "persona_id");
        JsonNode replyTo = object(request, "reply_to", "reply_to", false);
        if (replyTo != null) {
            requiredText(replyTo, "mid", "reply_to.mid");
        }
        JsonNode threadControl = object(request, "thread_control", "thread_control", false);
        if (threadControl != null) {
            oneOf("thread_control.control_type",
                    requiredString(threadControl, "control_type", "thread_control.control_type"), THREAD_CONTROL_TYPES);
            string(threadControl, "app_id", "thread_control.app_id");
        }
        String kind = exactlyOne(request, "request", REQUEST_KINDS);
        if (kind.equals("sender_action")) {
            senderAction(request);
        } else {
            message(object(request, "message", "message", true), withFileData);
        }
    }

    /**
     * Checks an Attachment Upload API body ({@code POST /{page-id}/message_attachments}) in its URL form:
     * {@code {"message":{"attachment":{"type":"image","payload":{"url":"https://…","is_reusable":true}}}}}.
     */
    public static void validateUpload(JsonNode body) {
        validateUpload(body, false);
    }

    /**
     * Checks an Attachment Upload API body.
     *
     * @param withFileData {@code true} for the multipart form, where the file travels in a {@code filedata} part and the
     *                     payload has no {@code url}
     */
    public static void validateUpload(JsonNode body, boolean withFileData) {
        if (body == null || !body.isObject()) {
            fail("request", "must be a JSON object", body);
        }
        JsonNode message = object(body, "message", "message", true);
        JsonNode attachment = object(message, "attachment", "message.attachment", true);
        CharSequence path = "message.attachment";
        CharSequence typePath = path(path, "type");
        String type = requiredString(attachment, "type", typePath);
        oneOf(typePath, type, MEDIA_ATTACHMENT_TYPES);
        JsonNode payload = object(attachment, "payload", path(path, "payload"), true);
        if (has(payload, "attachment_id")) {
            fail("message.attachment.payload.attachment_id", "not allowed in an upload: it is what the upload returns",
                    payload.get("attachment_id"));
        }
        mediaPayload(payload, path(path, "payload"), withFileData);
    }

    /** The rules of a message text, for callers that hold the text rather than a request tree. */
    public static void validateText(String text) {
        if (text == null) {
            fail("message.text", "is required", null);
        }
        if (text.isBlank()) {
            fail("message.text", "must not be empty", text);
        }
        maxLength("message.text", text, TEXT_MAX_LENGTH);
    }

    private static void recipient(JsonNode request) {
        JsonNode recipient = object(request, "recipient", "recipient", true);
        String key = exactlyOne(recipient, "recipient", RECIPIENT_IDENTIFIERS);
        CharSequence keyPath = "recipient." + key;
        JsonNode value = recipient.get(key);
        boolean secret = SECRET_RECIPIENT_IDENTIFIERS.contains(key);
        if (!(value.isTextual() || value.isNumber()) || value.asText().isBlank()) {
            // a token is a credential of sorts: say what is wrong without echoing it
            fail(keyPath, "must be a non-empty string", secret ? "(hidden)" : value);
        }
    }

    private static void tag(JsonNode request, String messagingType) {
        String tag = string(request, "tag", "tag");
        if (MESSAGING_TYPE_MESSAGE_TAG.equals(messagingType) && tag == null) {
            fail("tag", "is required when messaging_type is MESSAGE_TAG", null);
        }
        if (tag == null) {
            return;
        }
        if (messagingType != null && !MESSAGING_TYPE_MESSAGE_TAG.equals(messagingType)) {
            fail("tag", "only allowed when messaging_type is MESSAGE_TAG (messaging_type is " + messagingType + ")", tag);
        }
        if (TAGS_RETIRED_2026.contains(tag)) {
            fail("tag", "the tag " + tag + " is retired: the platform rejects it since 27 April 2026; "
                        + RETIRED_TAG_ADVICE,
                    tag);
        }
        if (TAGS_RETIRED_2020.contains(tag)) {
            fail("tag", "the tag " + tag + " is retired: the platform stopped accepting it on 4 March 2020; "
                        + RETIRED_TAG_ADVICE,
                    tag);
        }
        oneOf("tag", tag, ACTIVE_TAGS);
    }

    private static void senderAction(JsonNode request) {
        String action = string(request, "sender_action", "sender_action");
        oneOf("sender_action", action, SENDER_ACTIONS);
        if (action.equals("react") || action.equals("unreact")) {
            JsonNode payload = object(request, "payload", "payload", true);
            requiredText(payload, "message_id", "payload.message_id");
            if (action.equals("react")) {
                requiredText(payload, "reaction", "payload.reaction");
            }
        }
    }

    private static void message(JsonNode message, boolean withFileData) {
        String kind = exactlyOne(message, "message", MESSAGE_KINDS);
        switch (kind) {
            case "text" -> {
                validateText(requiredString(message, "text", "message.text"));
            }
            case "attachment" -> attachment(object(message, "attachment", "message.attachment", true),
                    "message.attachment", withFileData);
            default -> attachments(message);
        }
        maxLength("message.metadata", string(message, "metadata", "message.metadata"), METADATA_MAX_LENGTH);
        quickReplies(message);
    }

    private static void attachments(JsonNode message) {
        JsonNode attachments = array(message, "attachments", "message.attachments", true);
        itemCount("message.attachments", attachments, 1, ATTACHMENTS_MAX, "image attachments");
        for (int i = 0; i < attachments.size(); i++) {
            CharSequence path = index("message.attachments", i);
            JsonNode attachment = attachments.get(i);
            if (!attachment.isObject()) {
                fail(path, "must be a JSON object", attachment);
            }
            String type = requiredString(attachment, "type", path(path, "type"));
            if (!MULTI_ATTACHMENT_TYPE.equals(type)) {
                fail(path(path, "type"),
                        "must be " + MULTI_ATTACHMENT_TYPE + " (several attachments must all be images)",
                        type);
            }
            attachment(attachment, path, false);
        }
    }

    private static void attachment(JsonNode attachment, CharSequence path, boolean withFileData) {
        CharSequence typePath = path(path, "type");
        String type = requiredString(attachment, "type", typePath);
        oneOf(typePath, type, ATTACHMENT_TYPES);
        JsonNode payload = object(attachment, "payload", path(path, "payload"), true);
        if (MEDIA_ATTACHMENT_TYPES.contains(type)) {
            mediaPayload(payload, path(path, "payload"), withFileData);
        } else {
            TemplateValidator.template(payload, path(path, "payload"));
        }
    }

    private static void mediaPayload(JsonNode payload, CharSequence path, boolean withFileData) {
        Boolean reusable = bool(payload, "is_reusable", path(path, "is_reusable"));
        if (withFileData) {
            for (String name : MEDIA_SOURCES) {
                if (has(payload, name)) {
                    fail(path(path, name), "not allowed when the file is sent as filedata", payload.get(name));
                }
            }
            return;
        }
        String source = exactlyOne(payload, path, MEDIA_SOURCES);
        if (source.equals("url")) {
            CharSequence urlPath = path(path, "url");
            Checks.httpUrl(urlPath, requiredString(payload, "url", urlPath));
        } else {
            requiredText(payload, "attachment_id", path(path, "attachment_id"));
            if (reusable != null) {
                fail(path(path, "is_reusable"), "not allowed with attachment_id (the attachment is already saved)",
                        reusable);
            }
        }
    }

    private static void quickReplies(JsonNode message) {
        JsonNode quickReplies = array(message, "quick_replies", "message.quick_replies", false);
        if (quickReplies == null) {
            return;
        }
        maxItems("message.quick_replies", quickReplies, QUICK_REPLIES_MAX, "quick replies");
        for (int i = 0; i < quickReplies.size(); i++) {
            quickReply(quickReplies.get(i), index("message.quick_replies", i));
        }
    }

    private static void quickReply(JsonNode quickReply, CharSequence path) {
        if (!quickReply.isObject()) {
            fail(path, "must be a JSON object", quickReply);
        }
        CharSequence typePath = path(path, "content_type");
        String contentType = requiredString(quickReply, "content_type", typePath);
        oneOf(typePath, contentType, QUICK_REPLY_CONTENT_TYPES);
        if (!contentType.equals("text")) {
            return;
        }
        CharSequence imagePath = path(path, "image_url");
        String imageUrl = string(quickReply, "image_url", imagePath);
        Checks.httpUrl(imagePath, imageUrl);
        CharSequence titlePath = path(path, "title");
        String title = string(quickReply, "title", titlePath);
        if (imageUrl == null && (title == null || title.isBlank())) {
            fail(titlePath, "is required for a text quick reply without image_url", title);
        }
        maxLength(titlePath, title, QUICK_REPLY_TITLE_MAX_LENGTH);
        CharSequence payloadPath = path(path, "payload");
        String payload = requiredString(quickReply, "payload", payloadPath);
        if (imageUrl == null && payload.isEmpty()) {
            fail(payloadPath, "must not be empty for a text quick reply without image_url", payload);
        }
        maxLength(payloadPath, payload, QUICK_REPLY_PAYLOAD_MAX_LENGTH);
    }

    /** An absolute http(s) URL, for fields outside the Send API body (e.g. a persona's picture). */
    public static void httpUrl(String field, String value) {
        Checks.httpUrl(field, value);
    }
}
