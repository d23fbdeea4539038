package io.github.camelmessenger.sandbox.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Send API's rules for a {@code /messages} request (messenger-platform.md §1, §7, §9.1): the shape of the
 * recipient, the message and its limits, messaging types and tags, sender actions and thread control. What a rule
 * breaks ends the call with the platform's error; what the platform silently fixes (a quick reply title over 20
 * characters is cut short) is noted.
 */
final class SendRules {

    static final List<String> RECIPIENTS = List.of("id", "one_time_notif_token");
    private static final List<String> UNSIMULATED_RECIPIENTS = List.of("user_ref", "comment_id", "post_id",
            "notification_messages_token", "phone_number");
    private static final List<String> MESSAGING_TYPES = List.of("RESPONSE", "UPDATE", "MESSAGE_TAG");
    private static final List<String> ACTIVE_TAGS = List.of("HUMAN_AGENT", "CUSTOMER_FEEDBACK");
    private static final List<String> TAGS_RETIRED_2026 = List.of("CONFIRMED_EVENT_UPDATE", "ACCOUNT_UPDATE",
            "POST_PURCHASE_UPDATE");
    private static final List<String> SENDER_ACTIONS = List.of("typing_on", "typing_off", "mark_seen", "react",
            "unreact");
    private static final List<String> MEDIA_TYPES = List.of("image", "audio", "video", "file");
    private static final List<String> ATTACHMENT_TYPES = List.of("image", "audio", "video", "file", "template");
    private static final List<String> QUICK_REPLY_TYPES = List.of("text", "user_email", "user_phone_number");

    /** What a valid request is. */
    record Shape(String recipientKind, String recipient, String senderAction, String tag, String templateType,
                 boolean reusable, List<String> notes) {
    }

    private SendRules() {
    }

    /**
     * @param hasFile whether a multipart {@code filedata} part came with the request
     */
    static Shape check(JsonNode request, boolean hasFile, Attachments attachments, String pageId, Instant now) {
        JsonNode recipient = Fields.object(request, "recipient", "recipient", true);
        String recipientKind = null;
        for (var it = recipient.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (UNSIMULATED_RECIPIENTS.contains(key)) {
                throw Rejection.param("recipient[" + key + "] is not simulated by the sandbox; use recipient[id] "
                                      + "or recipient[one_time_notif_token]");
            }
            if (RECIPIENTS.contains(key)) {
                if (recipientKind != null) {
                    throw Rejection.param("Param recipient must have exactly one of id, one_time_notif_token");
                }
                recipientKind = key;
            }
        }
        if (recipientKind == null) {
            throw Rejection.param("Param recipient must have exactly one of id, one_time_notif_token");
        }
        String recipientValue = Fields.text(recipient, recipientKind, "recipient[" + recipientKind + "]", true);
        List<String> notes = new ArrayList<>();

        String action = Fields.oneOf(request, "sender_action", "sender_action", SENDER_ACTIONS, false);
        JsonNode message = request.get("message");
        if (action != null) {
            if (message != null && !message.isNull()) {
                throw new Rejection(GraphError.invalidParameter(2018014,
                        "Cannot send message and sender_action in the same request"));
            }
            if (!action.equals("react") && !action.equals("unreact") && request.has("payload")) {
                throw Rejection.param("Param payload is only allowed with sender_action react or unreact, not "
                                      + action);
            }
            if (action.equals("react") || action.equals("unreact")) {
                JsonNode payload = Fields.object(request, "payload", "payload", true);
                Fields.text(payload, "message_id", "payload[message_id]", true);
                if (action.equals("react")) {
                    Fields.text(payload, "reaction", "payload[reaction]", true);
                }
            }
            return new Shape(recipientKind, recipientValue, action, null, null, false, notes);
        }
        if (message == null || message.isNull()) {
            throw Rejection.param("Must send either message or sender_action");
        }
        boolean token = recipientKind.equals("one_time_notif_token");
        String type = Fields.oneOf(request, "messaging_type", "messaging_type", MESSAGING_TYPES, !token);
        String tag = tag(request, type);
        Fields.oneOf(request, "notification_type", "notification_type", List.of("REGULAR", "SILENT_PUSH", "NO_PUSH"),
                false);
        threadControl(request);
        if (!message.isObject()) {
            throw Rejection.param("Param message must be a JSON object");
        }
        MessageShape shape = message(message, hasFile, attachments, pageId, now, notes);
        return new Shape(recipientKind, recipientValue, null, tag, shape.templateType, shape.reusable, notes);
    }

    private record MessageShape(String templateType, boolean reusable) {
    }

    private static MessageShape message(JsonNode message, boolean hasFile, Attachments attachments, String pageId,
                                        Instant now, List<String> notes) {
        boolean text = message.has("text");
        boolean attachment = message.has("attachment");
        boolean multi = message.has("attachments");
        if ((text ? 1 : 0) + (attachment ? 1 : 0) + (multi ? 1 : 0) != 1) {
            throw Rejection.param("Param message must have exactly one of text, attachment, attachments");
        }
        Fields.maxLength(message, "metadata", "message[metadata]", 1000, false);
        quickReplies(message, notes);
        if (text) {
            Fields.maxLength(message, "text", "message[text]", 2000, true);
            return new MessageShape(null, false);
        }
        if (multi) {
            JsonNode all = Fields.array(message, "attachments", "message[attachments]", 1, 30);
            for (int i = 0; i < all.size(); i++) {
                JsonNode a = all.get(i);
                if (!a.isObject() || !"image".equals(a.path("type").asText())) {
                    throw Rejection.param("Param message[attachments][" + i + "][type] must be image");
                }
                media(a, "message[attachments][" + i + "]", false, attachments, pageId, now);
            }
            return new MessageShape(null, false);
        }
        JsonNode a = Fields.object(message, "attachment", "message[attachment]", true);
        String type = Fields.oneOf(a, "type", "message[attachment][type]", ATTACHMENT_TYPES, true);
        if (type.equals("template")) {
            JsonNode payload = Fields.object(a, "payload", "message[attachment][payload]", true);
            return new MessageShape(TemplateRules.check(payload, "message[attachment][payload]", attachments, pageId,
                    now), false);
        }
        boolean reusable = media(a, "message[attachment]", hasFile, attachments, pageId, now);
        return new MessageShape(null, reusable);
    }

    /** A media attachment: a URL, a saved attachment's id, or the uploaded file. Returns is_reusable. */
    private static boolean media(JsonNode a, String field, boolean hasFile, Attachments attachments, String pageId,
                                 Instant now) {
        JsonNode payload = Fields.object(a, "payload", field + "[payload]", true);
        String url = Fields.httpUrl(payload, "url", field + "[payload][url]", false);
        String id = Fields.text(payload, "attachment_id", field + "[payload][attachment_id]", false);
        int given = (url != null ? 1 : 0) + (id != null ? 1 : 0) + (hasFile ? 1 : 0);
        if (given != 1) {
            throw Rejection.param("Param " + field + "[payload] must have exactly one of url, attachment_id or an "
                                  + "uploaded filedata");
        }
        if (id != null && attachments.find(id, pageId, now) == null) {
            throw new Rejection(GraphError.invalidParameter(2018074, "Invalid attachment_id " + id
                                                                     + " (unknown, of another Page, or expired)"));
        }
        boolean reusable = payload.path("is_reusable").asBoolean(false);
        if (reusable && id != null) {
            throw Rejection.param("Param " + field + "[payload][is_reusable] cannot be used with attachment_id");
        }
        return reusable;
    }

    private static void quickReplies(JsonNode message, List<String> notes) {
        JsonNode replies = Fields.array(message, "quick_replies", "message[quick_replies]", 0, 13);
        if (replies == null) {
            return;
        }
        for (int i = 0; i < replies.size(); i++) {
            String f = "message[quick_replies][" + i + "]";
            JsonNode q = replies.get(i);
            if (!q.isObject()) {
                throw Rejection.param("Param " + f + " must be a JSON object");
            }
            String type = Fields.oneOf(q, "content_type", f + "[content_type]", QUICK_REPLY_TYPES, true);
            if (!type.equals("text")) {
                continue;
            }
            String image = Fields.httpUrl(q, "image_url", f + "[image_url]", false);
            String title = Fields.text(q, "title", f + "[title]", image == null);
            if (title != null && title.length() > 20) {
                notes.add(f + "[title] cut to 20 characters: \"" + title.substring(0, 20) + "\"");
            }
            String payload = Fields.maxLength(q, "payload", f + "[payload]", 1000, false);
            if (payload == null) {
                throw Rejection.param("The parameter " + f + "[payload] is required");
            }
        }
    }

    private static String tag(JsonNode request, String messagingType) {
        String tag = Fields.text(request, "tag", "tag", false);
        if (!"MESSAGE_TAG".equals(messagingType)) {
            return null;
        }
        if (tag == null) {
            throw Rejection.param("The parameter tag is required with messaging_type MESSAGE_TAG");
        }
        if (TAGS_RETIRED_2026.contains(tag)) {
            throw Rejection.param("The message tag " + tag + " is no longer supported (since 27 April 2026)");
        }
        if (!ACTIVE_TAGS.contains(tag)) {
            throw Rejection.param("Param tag must be one of {" + String.join(", ", ACTIVE_TAGS) + "} - got \"" + tag
                                  + "\"");
        }
        return tag;
    }

    private static void threadControl(JsonNode request) {
        JsonNode tc = Fields.object(request, "thread_control", "thread_control", false);
        if (tc != null) {
            Fields.oneOf(tc, "control_type", "thread_control[control_type]", List.of("pass", "release"), true);
        }
    }

    static boolean isMedia(String type) {
        return MEDIA_TYPES.contains(type);
    }
}
