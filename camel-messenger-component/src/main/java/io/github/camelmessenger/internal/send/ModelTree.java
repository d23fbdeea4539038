package io.github.camelmessenger.internal.send;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.model.AccountLinkButton;
import io.github.camelmessenger.model.AccountUnlinkButton;
import io.github.camelmessenger.model.Button;
import io.github.camelmessenger.model.ButtonTemplate;
import io.github.camelmessenger.model.CallButton;
import io.github.camelmessenger.model.DefaultAction;
import io.github.camelmessenger.model.GenericElement;
import io.github.camelmessenger.model.GenericTemplate;
import io.github.camelmessenger.model.MediaElement;
import io.github.camelmessenger.model.MediaTemplate;
import io.github.camelmessenger.model.OneTimeNotifRequestTemplate;
import io.github.camelmessenger.model.PostbackButton;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.UrlButton;

/**
 * The templates of the typed model, their elements, buttons and quick replies as a JSON tree, built field by field.
 * Jackson's {@code valueToTree} writes the object into a token buffer and parses that back: for a generic template
 * of three cards it was the largest share of the request's cost. The trees are the ones Jackson makes from the
 * model's annotations, in the same field order ({@code ModelTreeTest} holds every type to that); other model types
 * are left to Jackson.
 */
final class ModelTree {

    private ModelTree() {
    }

    /** @return the tree of a template, element, button, default action or quick reply, or null for other objects */
    static ObjectNode of(Object model) {
        if (model instanceof GenericTemplate template) {
            return genericTemplate(template);
        }
        if (model instanceof ButtonTemplate template) {
            return buttonTemplate(template);
        }
        if (model instanceof MediaTemplate template) {
            return mediaTemplate(template);
        }
        if (model instanceof OneTimeNotifRequestTemplate template) {
            ObjectNode node = Json.NODES.objectNode();
            node.put("template_type", template.templateType());
            put(node, "title", template.title());
            put(node, "payload", template.payload());
            return node;
        }
        if (model instanceof GenericElement element) {
            return genericElement(element);
        }
        if (model instanceof MediaElement element) {
            return mediaElement(element);
        }
        if (model instanceof Button button) {
            return button(button);
        }
        if (model instanceof DefaultAction action) {
            return defaultAction(action);
        }
        if (model instanceof QuickReply reply) {
            return quickReply(reply);
        }
        return null;
    }

    /** @return the array of a list whose every item {@link #of} knows, else null */
    static ArrayNode ofAll(Collection<?> items) {
        ArrayNode array = Json.NODES.arrayNode(items.size());
        for (Object item : items) {
            ObjectNode node = item == null ? null : of(item);
            if (node == null) {
                return null;
            }
            array.add(node);
        }
        return array;
    }

    /** The array of a list of model objects: built here when {@link #ofAll} knows them all, else by Jackson. */
    static ArrayNode array(Collection<?> items) {
        ArrayNode array = ofAll(items);
        return array != null ? array : Json.MAPPER.valueToTree(items);
    }

    private static ObjectNode genericTemplate(GenericTemplate template) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("template_type", template.templateType());
        put(node, "image_aspect_ratio", template.imageAspectRatio());
        put(node, "sharable", template.sharable());
        if (template.elements() != null) {
            node.set("elements", array(template.elements(), ModelTree::genericElement));
        }
        return node;
    }

    private static ObjectNode buttonTemplate(ButtonTemplate template) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("template_type", template.templateType());
        put(node, "text", template.text());
        if (template.buttons() != null) {
            node.set("buttons", buttons(template.buttons()));
        }
        put(node, "sharable", template.sharable());
        return node;
    }

    private static ObjectNode mediaTemplate(MediaTemplate template) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("template_type", template.templateType());
        if (template.elements() != null) {
            node.set("elements", array(template.elements(), ModelTree::mediaElement));
        }
        put(node, "sharable", template.sharable());
        return node;
    }

    private static ObjectNode genericElement(GenericElement element) {
        ObjectNode node = Json.NODES.objectNode();
        put(node, "title", element.title());
        put(node, "subtitle", element.subtitle());
        put(node, "image_url", element.imageUrl());
        if (element.defaultAction() != null) {
            node.set("default_action", defaultAction(element.defaultAction()));
        }
        putButtonsIfAny(node, element.buttons());
        return node;
    }

    private static ObjectNode mediaElement(MediaElement element) {
        ObjectNode node = Json.NODES.objectNode();
        put(node, "media_type", element.mediaType());
        put(node, "attachment_id", element.attachmentId());
        put(node, "url", element.url());
        putButtonsIfAny(node, element.buttons());
        return node;
    }

    /** {@code buttons} of an element: left out when empty, as the elements' {@code NON_EMPTY} asks. */
    private static void putButtonsIfAny(ObjectNode node, List<Button> buttons) {
        if (buttons != null && !buttons.isEmpty()) {
            node.set("buttons", buttons(buttons));
        }
    }

    private static ArrayNode buttons(List<Button> buttons) {
        return array(buttons, ModelTree::button);
    }

    private static <T> ArrayNode array(List<T> items, Function<T, ObjectNode> tree) {
        ArrayNode array = Json.NODES.arrayNode(items.size());
        for (T item : items) {
            array.add(tree.apply(item));
        }
        return array;
    }

    private static ObjectNode button(Button button) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("type", button.type());
        if (button instanceof UrlButton url) {
            put(node, "title", url.title());
            put(node, "url", url.url());
            put(node, "webview_height_ratio", url.webviewHeightRatio());
            put(node, "messenger_extensions", url.messengerExtensions());
            put(node, "fallback_url", url.fallbackUrl());
            put(node, "webview_share_button", url.webviewShareButton());
        } else if (button instanceof PostbackButton postback) {
            put(node, "title", postback.title());
            put(node, "payload", postback.payload());
        } else if (button instanceof CallButton call) {
            put(node, "title", call.title());
            put(node, "payload", call.payload());
        } else if (button instanceof AccountLinkButton link) {
            put(node, "url", link.url());
        } else if (!(button instanceof AccountUnlinkButton)) {
            throw new IllegalStateException("A button type without a tree: " + button.getClass().getName());
        }
        return node;
    }

    private static ObjectNode defaultAction(DefaultAction action) {
        ObjectNode node = Json.NODES.objectNode();
        node.put("type", action.type());
        put(node, "url", action.url());
        put(node, "webview_height_ratio", action.webviewHeightRatio());
        put(node, "messenger_extensions", action.messengerExtensions());
        put(node, "fallback_url", action.fallbackUrl());
        return node;
    }

    private static ObjectNode quickReply(QuickReply reply) {
        ObjectNode node = Json.NODES.objectNode();
        put(node, "content_type", reply.contentType());
        put(node, "title", reply.title());
        put(node, "payload", reply.payload());
        put(node, "image_url", reply.imageUrl());
        return node;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void put(ObjectNode node, String name, Boolean value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
