package io.github.camelmessenger.internal.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerOperation;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.send.ExchangeSettings;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;

/**
 * {@code subscribeApp} / {@code unsubscribeApp}: the app's subscription to the Page's webhook fields
 * ({@code {page}/subscribed_apps}), the last step of a Page's set-up.
 */
public final class PageSubscriptions {

    /** The Page webhook fields a Messenger app subscribes to. */
    static final List<String> FIELDS = List.of("messages", "message_echoes", "message_deliveries", "message_reads",
            "message_reactions", "message_edits", "messaging_postbacks", "messaging_optins", "messaging_referrals",
            "messaging_handovers", "standby", "messaging_account_linking", "messaging_policy_enforcement",
            "messaging_game_plays", "messaging_feedback", "response_feedback", "send_cart",
            "messenger_template_status_update", "feed");

    private PageSubscriptions() {
    }

    public static PreparedCall call(MessengerOperation operation, OutboundExchange send) {
        String path = send.page() + "/subscribed_apps";
        if (operation == MessengerOperation.unsubscribeApp) {
            return new PreparedCall(GraphRequest.delete(path, Map.of(), send.token(), send.appSecret(), send.page()));
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("subscribed_fields", fields(bodyFields(send), send.settings()));
        return new PreparedCall(GraphRequest.post(path, query, send.token(), send.appSecret(), send.page()));
    }

    /**
     * The fields a body names: a Map/JSON with {@code subscribed_fields} (a list or comma separated text), or a list
     * of field names; null when the body names none (then option subscribedFields).
     */
    private static String bodyFields(OutboundExchange send) {
        if (!send.body().isStructured()) {
            return null;
        }
        ObjectNode tree = send.body().tree();
        JsonNode fields = tree.has("subscribed_fields") ? tree.get("subscribed_fields") : tree.get("elements");
        if (fields == null || fields.isNull()) {
            return null;
        }
        if (!fields.isArray()) {
            return fields.asText();
        }
        StringBuilder joined = new StringBuilder();
        fields.forEach(f -> joined.append(joined.isEmpty() ? "" : ",").append(f.asText()));
        return joined.toString();
    }

    private static String fields(String fromBody, ExchangeSettings settings) {
        String fields = fromBody != null ? fromBody : settings.options.getSubscribedFields();
        StringBuilder checked = new StringBuilder();
        for (String field : fields.split(",")) {
            String f = field.strip();
            if (f.isEmpty()) {
                continue;
            }
            if (!FIELDS.contains(f)) {
                throw new MessengerValidationException("subscribed_fields", "one of " + String.join(", ", FIELDS), f);
            }
            checked.append(checked.isEmpty() ? "" : ",").append(f);
        }
        if (checked.isEmpty()) {
            throw new MessengerValidationException("subscribed_fields", "at least one field", fields);
        }
        return checked.toString();
    }
}
