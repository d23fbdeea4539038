package io.github.camelmessenger.internal.send;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerOperation;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.shorthand.Shorthand;

/**
 * Builds the {@code message} object of a send from a plain body (text, URL or attachment id) plus URI options and
 * headers in the shorthand no-code users know — the form YAML routes use.
 */
final class PlainForms {

    private PlainForms() {
    }

    static ObjectNode message(MessengerOperation operation, String text, ExchangeSettings settings) {
        return switch (operation) {
            case sendMessage -> textMessage(text);
            case sendAttachment -> attachmentMessage(text, settings);
            case sendButtonTemplate -> template(buttonTemplate(text, settings));
            case sendGenericTemplate -> template(genericTemplate(text, settings));
            case sendMediaTemplate -> template(mediaTemplate(text, settings));
            case sendOneTimeNotificationRequest -> template(oneTimeNotificationRequest(text, settings));
            default -> throw new IllegalStateException(operation + " has no plain message form");
        };
    }

    static ObjectNode textMessage(String text) {
        ObjectNode message = Json.NODES.objectNode();
        message.put("text", text);
        return message;
    }

    private static ObjectNode attachmentMessage(String body, ExchangeSettings settings) {
        ObjectNode message = Json.NODES.objectNode();
        ObjectNode attachment = message.putObject("attachment");
        attachment.put("type", settings.get(MessengerConstants.ATTACHMENT_TYPE, settings.options.getAttachmentType()));
        attachment.set("payload", mediaPayload(body, settings));
        return message;
    }

    /** The payload of a media attachment: the body URL, else the attachment id of the header. */
    static ObjectNode mediaPayload(String body, ExchangeSettings settings) {
        ObjectNode payload = Json.NODES.objectNode();
        if (body != null && !body.isBlank()) {
            payload.put("url", body.strip());
            if (settings.flag(MessengerConstants.REUSABLE, settings.options.isReusable())) {
                payload.put("is_reusable", true);
            }
            return payload;
        }
        String attachmentId = settings.get(MessengerConstants.ATTACHMENT_ID, null);
        if (attachmentId == null) {
            throw new MessengerValidationException("message.attachment.payload",
                    "a media URL in the body or an attachment id in header CamelMessengerAttachmentId", body);
        }
        payload.put("attachment_id", attachmentId);
        return payload;
    }

    private static ObjectNode template(ObjectNode payload) {
        ObjectNode message = Json.NODES.objectNode();
        ObjectNode attachment = message.putObject("attachment");
        attachment.put("type", "template");
        attachment.set("payload", payload);
        return message;
    }

    private static ObjectNode buttonTemplate(String text, ExchangeSettings settings) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.put("template_type", "button");
        payload.put("text", text);
        payload.set("buttons", buttons(settings));
        putSharable(payload, settings);
        return payload;
    }

    private static ObjectNode genericTemplate(String body, ExchangeSettings settings) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.put("template_type", "generic");
        String ratio = settings.get(MessengerConstants.IMAGE_ASPECT_RATIO, settings.options.getImageAspectRatio());
        if (ratio != null) {
            payload.put("image_aspect_ratio", ratio);
        }
        putSharable(payload, settings);
        ObjectNode element = payload.putArray("elements").addObject();
        String title = settings.get(MessengerConstants.TITLE, settings.options.getTitle());
        element.put("title", title != null ? title : body);
        putIfSet(element, "subtitle", settings.get(MessengerConstants.SUBTITLE, settings.options.getSubtitle()));
        putIfSet(element, "image_url", settings.get(MessengerConstants.IMAGE_URL, settings.options.getImageUrl()));
        String defaultAction = settings.get(MessengerConstants.DEFAULT_ACTION_URL, settings.options.getDefaultActionUrl());
        if (defaultAction != null) {
            ObjectNode action = element.putObject("default_action");
            action.put("type", "web_url");
            action.put("url", defaultAction);
        }
        ArrayNode buttons = buttons(settings);
        if (!buttons.isEmpty()) {
            element.set("buttons", buttons);
        }
        return payload;
    }

    private static ObjectNode mediaTemplate(String body, ExchangeSettings settings) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.put("template_type", "media");
        putSharable(payload, settings);
        ObjectNode element = payload.putArray("elements").addObject();
        element.put("media_type", settings.get(MessengerConstants.MEDIA_TYPE, settings.options.getMediaType()));
        String media = body == null || body.isBlank() ? null : body.strip();
        if (media == null) {
            media = settings.get(MessengerConstants.ATTACHMENT_ID, null);
        }
        if (media == null) {
            throw new MessengerValidationException("message.attachment.payload.elements[0]",
                    "a Facebook URL or an attachment id in the body, or an attachment id in header "
                                                                       + "CamelMessengerAttachmentId",
                    null);
        }
        element.put(media.contains("://") ? "url" : "attachment_id", media);
        ArrayNode buttons = buttons(settings);
        if (!buttons.isEmpty()) {
            element.set("buttons", buttons);
        }
        return payload;
    }

    private static ObjectNode oneTimeNotificationRequest(String body, ExchangeSettings settings) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.put("template_type", "one_time_notif_req");
        String title = settings.get(MessengerConstants.TITLE, settings.options.getTitle());
        payload.put("title", title != null ? title : body);
        putIfSet(payload, "payload", settings.get(MessengerConstants.PAYLOAD, settings.options.getPayload()));
        return payload;
    }

    static ArrayNode quickReplies(ExchangeSettings settings) {
        Object header = settings.list(MessengerConstants.QUICK_REPLIES, null);
        if (header == null) {
            ArrayNode parsed = OPTION_QUICK_REPLIES.parse(settings.options.getQuickReplies());
            return parsed.isEmpty() ? null : parsed;
        }
        List<String> items = Shorthand.split(header, true);
        return items.isEmpty() ? null : Json.MAPPER.valueToTree(Shorthand.quickReplies(items));
    }

    private static ArrayNode buttons(ExchangeSettings settings) {
        Object header = settings.list(MessengerConstants.BUTTONS, null);
        if (header == null) {
            return OPTION_BUTTONS.parse(settings.options.getButtons());
        }
        return Json.MAPPER.valueToTree(Shorthand.buttons(Shorthand.split(header, true)));
    }

    private static final OptionShorthand OPTION_QUICK_REPLIES = new OptionShorthand(
            option -> Json.MAPPER.valueToTree(Shorthand.quickReplies(Shorthand.split(option, true))));
    private static final OptionShorthand OPTION_BUTTONS = new OptionShorthand(
            option -> Json.MAPPER.valueToTree(Shorthand.buttons(Shorthand.split(option, true))));

    /**
     * Shorthand from a URI option, parsed once per option text: the option is the same for every exchange of an
     * endpoint, and parsing it (split, parse, model to tree) was a tenth of a plain send's CPU time. Each caller gets
     * its own copy, as the request tree it joins is its own.
     */
    private static final class OptionShorthand {
        /** Endpoints with computed options (toD) could create many texts: start over rather than grow. */
        private static final int LIMIT = 256;
        private final Function<String, ArrayNode> parser;
        private final Map<String, ArrayNode> parsed = new ConcurrentHashMap<>();

        OptionShorthand(Function<String, ArrayNode> parser) {
            this.parser = parser;
        }

        ArrayNode parse(String option) {
            String key = option == null ? "" : option;
            ArrayNode nodes = parsed.get(key);
            if (nodes == null) {
                // a bad option throws here, every time, as before: nothing is cached for it
                nodes = parser.apply(option);
                if (parsed.size() >= LIMIT) {
                    parsed.clear();
                }
                parsed.put(key, nodes);
            }
            return nodes.deepCopy();
        }
    }

    private static void putSharable(ObjectNode payload, ExchangeSettings settings) {
        if (settings.flag(MessengerConstants.SHARABLE, settings.options.isSharable())) {
            payload.put("sharable", true);
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
