package io.github.camelmessenger.internal.send;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import org.apache.camel.Exchange;

/**
 * A one-time notification token buys exactly one message. The tokens an exchange has spent are remembered on the
 * exchange, so a second send with the same token fails before the call instead of burning a platform error.
 */
public final class OneTimeNotifTokens {

    /** Exchange property: the tokens this exchange has already sent with. */
    public static final String SPENT = MessengerConstants.ONE_TIME_NOTIF_TOKENS_SPENT;

    private OneTimeNotifTokens() {
    }

    /** @return the token the request spends, or null; fails when this exchange already spent it */
    static String checkUnused(Exchange exchange, JsonNode request) {
        JsonNode token = request.path("recipient").get("one_time_notif_token");
        if (token == null || token.isNull()) {
            return null;
        }
        return checkUnused(exchange, token.asText());
    }

    /** @return the token; fails when this exchange already spent it */
    static String checkUnused(Exchange exchange, String token) {
        Set<?> spent = exchange.getProperty(SPENT, Set.class);
        if (spent != null && spent.contains(token)) {
            throw new MessengerValidationException("recipient.one_time_notif_token",
                    "a one-time notification token allows one message, and this exchange has already sent it",
                    "(hidden)");
        }
        return token;
    }

    /** Called when the platform accepted a send made with the token. */
    @SuppressWarnings("unchecked")
    public static void markSpent(Exchange exchange, String token) {
        Set<String> spent = exchange.getProperty(SPENT, Set.class);
        if (spent == null) {
            spent = new HashSet<>();
            exchange.setProperty(SPENT, spent);
        }
        spent.add(token);
    }
}
