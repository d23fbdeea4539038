package io.github.camelmessenger.internal.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerOperation;

/**
 * Places a structured body (model object, Map or JSON, already a tree) into a Send API request. Users may give the
 * whole request, the {@code message}, the attachment, or just the template payload / card / media element that the
 * operation names; each is recognised by its Send API fields.
 */
final class StructuredForms {

    private StructuredForms() {
    }

    static boolean isRequest(ObjectNode tree) {
        return tree.has("recipient") || tree.has("message") || tree.has("sender_action");
    }

    /** @return a full request (without defaults applied yet) */
    static ObjectNode request(MessengerOperation operation, ObjectNode tree, ExchangeSettings settings) {
        if (isRequest(tree)) {
            return tree;
        }
        ObjectNode request = Json.NODES.objectNode();
        request.set("message", message(operation, tree, settings));
        return request;
    }

    private static ObjectNode message(MessengerOperation operation, ObjectNode tree, ExchangeSettings settings) {
        if (tree.has("text") && !textIsTemplateText(operation) || tree.has("attachment") || tree.has("attachments")) {
            return tree;
        }
        if (tree.has("type") && tree.has("payload")) {
            return wrap("attachment", tree);
        }
        if (tree.has("template_type")) {
            return templateMessage(tree);
        }
        return switch (operation) {
            case sendAttachment -> {
                ObjectNode attachment = Json.NODES.objectNode();
                attachment.put("type", settings.get(io.github.camelmessenger.MessengerConstants.ATTACHMENT_TYPE,
                        settings.options.getAttachmentType()));
                attachment.set("payload", tree);
                yield wrap("attachment", attachment);
            }
            case sendButtonTemplate -> templateMessage(withType(tree, "button"));
            case sendGenericTemplate -> templateMessage(withType(elements(tree), "generic"));
            case sendMediaTemplate -> templateMessage(withType(elements(tree), "media"));
            case sendOneTimeNotificationRequest -> templateMessage(withType(tree, "one_time_notif_req"));
            default -> tree;
        };
    }

    /** For a button template, {@code text} belongs to the template payload, not to a text message. */
    private static boolean textIsTemplateText(MessengerOperation operation) {
        return operation == MessengerOperation.sendButtonTemplate;
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

    private static ObjectNode templateMessage(ObjectNode payload) {
        ObjectNode attachment = Json.NODES.objectNode();
        attachment.put("type", "template");
        attachment.set("payload", payload);
        return wrap("attachment", attachment);
    }

    private static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode node = Json.NODES.objectNode();
        node.set(field, value);
        return node;
    }
}
