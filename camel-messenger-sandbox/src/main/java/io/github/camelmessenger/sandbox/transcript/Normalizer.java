package io.github.camelmessenger.sandbox.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Makes a bot's request comparable across runs: the recipient becomes a placeholder of its kind, the user's PSID
 * wherever it appears becomes {@code <psid>}, and ids that the platform makes up (attachment ids, tokens, mids) become
 * placeholders too.
 */
final class Normalizer {

    private static final Set<String> VOLATILE = Set.of("attachment_id", "one_time_notif_token", "message_id", "mid");

    private Normalizer() {
    }

    static JsonNode request(JsonNode request, String psid) {
        if (request == null || !request.isObject()) {
            return request;
        }
        ObjectNode copy = request.deepCopy();
        JsonNode recipient = copy.get("recipient");
        if (recipient != null && recipient.isObject()) {
            ObjectNode r = copy.putObject("recipient");
            recipient.fieldNames().forEachRemaining(k -> r.put(k, "<" + k + ">"));
        }
        scrub(copy, psid);
        return copy;
    }

    private static void scrub(JsonNode node, String psid) {
        if (node instanceof ObjectNode o) {
            o.remove("sandbox_media");
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                JsonNode v = o.get(k);
                if (VOLATILE.contains(k) && v.isValueNode()) {
                    o.put(k, "<" + k + ">");
                } else if (v.isTextual() && v.asText().equals(psid)) {
                    o.put(k, "<psid>");
                } else {
                    scrub(v, psid);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual() && a.get(i).asText().equals(psid)) {
                    a.set(i, "<psid>");
                } else {
                    scrub(a.get(i), psid);
                }
            }
        }
    }
}
