package io.github.camelmessenger.internal.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerOperation;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.send.ExchangeSettings;
import io.github.camelmessenger.internal.send.Json;
import io.github.camelmessenger.internal.send.MessageBody;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;
import io.github.camelmessenger.internal.send.Shorthands;

/**
 * The template sends: {@code sendButtonTemplate}, {@code sendGenericTemplate}, {@code sendMediaTemplate} and
 * {@code sendOneTimeNotificationRequest}. A structured body may be the template payload, or just its card or media
 * element; a plain body is the template's text, title or media, the rest comes from headers and options.
 */
public final class SendTemplates {

    private SendTemplates() {
    }

    public static PreparedCall send(MessengerOperation operation, OutboundExchange send) {
        MessageBody body = send.body();
        ObjectNode request;
        if (body.isStructured()) {
            // for a button template, text belongs to the template payload, not to a text message
            request = body.request(operation == MessengerOperation.sendButtonTemplate,
                    tree -> MessageBody.templateMessage(structuredPayload(operation, tree)));
        } else {
            request = MessageBody.withMessage(MessageBody.templateMessage(
                    plainPayload(operation, body.text(), send.settings())));
        }
        return send.message(request, true);
    }

    private static ObjectNode structuredPayload(MessengerOperation operation, ObjectNode tree) {
        return switch (operation) {
            case sendButtonTemplate -> withType(tree, "button");
            case sendGenericTemplate -> withType(elements(tree), "generic");
            case sendMediaTemplate -> withType(elements(tree), "media");
            case sendOneTimeNotificationRequest -> withType(tree, "one_time_notif_req");
            default -> throw new IllegalStateException(operation + " is not a template send");
        };
    }

    private static ObjectNode plainPayload(MessengerOperation operation, String text, ExchangeSettings settings) {
        return switch (operation) {
            case sendButtonTemplate -> buttonTemplate(text, settings);
            case sendGenericTemplate -> genericTemplate(text, settings);
            case sendMediaTemplate -> mediaTemplate(text, settings);
            case sendOneTimeNotificationRequest -> oneTimeNotificationRequest(text, settings);
            default -> throw new IllegalStateException(operation + " is not a template send");
        };
    }

    /** A single card or media element becomes the one element of its template. */
    private static ObjectNode elements(ObjectNode tree) {
        if (tree.has("elements")) {
            return tree;
        }
        ObjectNode payload = Json.NODES.objectNode();
        payload.putArray("elements").add(tree);
        return payload;
    }

    private static ObjectNode withType(ObjectNode payload, String templateType) {
        JsonNode existing = payload.get("template_type");
        if (existing == null) {
            ObjectNode typed = Json.NODES.objectNode();
            typed.put("template_type", templateType);
            typed.setAll(payload);
            return typed;
        }
        return payload;
    }

    private static ObjectNode buttonTemplate(String text, ExchangeSettings settings) {
        ObjectNode payload = Json.NODES.objectNode();
        payload.put("template_type", "button");
        payload.put("text", text);
        payload.set("buttons", Shorthands.buttons(settings));
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
        String defaultAction
                = settings.get(MessengerConstants.DEFAULT_ACTION_URL, settings.options.getDefaultActionUrl());
        if (defaultAction != null) {
            ObjectNode action = element.putObject("default_action");
            action.put("type", "web_url");
            action.put("url", defaultAction);
        }
        ArrayNode buttons = Shorthands.buttons(settings);
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
        ArrayNode buttons = Shorthands.buttons(settings);
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
