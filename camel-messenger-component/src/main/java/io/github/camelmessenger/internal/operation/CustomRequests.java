package io.github.camelmessenger.internal.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.RateClass;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;

/**
 * {@code sendCustomRequest}: a request the component has no operation for, as given. To the Send API (no
 * {@code CamelMessengerGraphPath}, or {@code me/messages}) it gets the same defaults and limits as every other send;
 * to another edge it goes as it is.
 */
public final class CustomRequests {

    private CustomRequests() {
    }

    public static PreparedCall sendCustomRequest(OutboundExchange send) {
        ObjectNode tree = send.body().tree();
        if (tree == null) {
            throw new MessengerValidationException("body",
                    "sendCustomRequest takes a Send API request as a Map, JSON text or model object",
                    send.exchange().getMessage().getBody(String.class));
        }
        String page = send.page();
        String path = send.settings().get(MessengerConstants.GRAPH_PATH, null);
        if (path == null || path.equals(page + "/messages") || path.equals("me/messages")) {
            return send.message(tree, false);
        }
        return new PreparedCall(send.json(path.startsWith("/") ? path.substring(1) : path, tree, RateClass.NONE));
    }
}
