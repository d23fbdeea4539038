package io.github.camelmessenger.internal.send;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerValidationException;

/**
 * Turns a structured exchange body — a typed model object, a Map, a JsonNode or a JSON text — into a fresh JSON tree
 * the request can be built from. Plain bodies (text, URLs, files) are left to the operation's plain form.
 */
public final class BodyTree {

    private BodyTree() {
    }

    /** @return a JSON object owned by the caller (safe to modify), or null when the body is not structured */
    public static ObjectNode read(Object body) {
        if (body == null || body instanceof byte[] || body instanceof Number || body instanceof Boolean) {
            return null;
        }
        if (body instanceof CharSequence text) {
            return parseIfJson(text.toString());
        }
        if (body instanceof JsonNode node) {
            return objectOrFail(node.deepCopy());
        }
        if (isModel(body)) {
            ObjectNode tree = ModelTree.of(body);
            return tree != null ? tree : objectOrFail(Json.MAPPER.valueToTree(body));
        }
        if (body instanceof Collection<?> items) {
            return objectOrFail(ModelTree.array(items));
        }
        if (body instanceof Map<?, ?>) {
            return objectOrFail(Json.MAPPER.valueToTree(body));
        }
        return null;
    }

    private static boolean isModel(Object body) {
        return body.getClass().getPackageName().startsWith("io.github.camelmessenger.model");
    }

    private static ObjectNode parseIfJson(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            return objectOrFail(Json.MAPPER.readTree(trimmed));
        } catch (JsonProcessingException e) {
            throw new MessengerValidationException("body", "a JSON object shaped like the Send API request",
                    trimmed + " (" + e.getOriginalMessage() + ")");
        }
    }

    private static ObjectNode objectOrFail(JsonNode node) {
        if (node instanceof ObjectNode object) {
            return object;
        }
        if (node != null && node.isArray()) {
            // a list of cards or elements: the operation decides what it is
            ObjectNode wrapper = Json.NODES.objectNode();
            wrapper.set("elements", node);
            return wrapper;
        }
        throw new MessengerValidationException("body", "a JSON object shaped like the Send API request",
                node == null ? null : node.toString());
    }
}
