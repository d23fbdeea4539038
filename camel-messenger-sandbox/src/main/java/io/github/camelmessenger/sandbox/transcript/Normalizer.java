package io.github.camelmessenger.sandbox.transcript;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a bot's request comparable across runs: the recipient becomes a placeholder of its kind, and ids that the
 * platform makes up (attachment ids, tokens) become placeholders too.
 */
final class Normalizer {

    private static final Set<String> VOLATILE = Set.of("attachment_id", "one_time_notif_token", "message_id", "mid");

    private Normalizer() {
    }

    static JsonNode request(JsonNode request) {
        if (request == null || !request.isObject()) {
            return request;
        }
        ObjectNode copy = request.deepCopy();
        JsonNode recipient = copy.get("recipient");
        if (recipient != null && recipient.isObject()) {
            ObjectNode r = copy.putObject("recipient");
            recipient.fieldNames().forEachRemaining(k -> r.put(k, "<" + k + ">"));
        }
        scrub(copy);
        return copy;
    }

    private static void scrub(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("sandbox_media");
            o.fieldNames().forEachRemaining(k -> {
                if (VOLATILE.contains(k) && o.get(k).isValueNode()) {
                    o.put(k, "<" + k + ">");
                }
            });
            o.elements().forEachRemaining(Normalizer::scrub);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(Normalizer::scrub);
        }
    }
}
