package io.github.camelmessenger.internal.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        query.put("subscribed_fields", fields(send.settings()));
        return new PreparedCall(GraphRequest.post(path, query, send.token(), send.appSecret(), send.page()));
    }

    private static String fields(ExchangeSettings settings) {
        String fields = settings.options.getSubscribedFields();
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
