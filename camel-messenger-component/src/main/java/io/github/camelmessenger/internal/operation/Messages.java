package io.github.camelmessenger.internal.operation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.internal.send.Json;
import io.github.camelmessenger.internal.send.MessageBody;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;

/** {@code sendMessage}: a text (plus quick replies from header or option), or a structured message or request. */
public final class Messages {

    private Messages() {
    }

    public static PreparedCall sendMessage(OutboundExchange send) {
        MessageBody body = send.body();
        ObjectNode request;
        if (body.isStructured()) {
            // a tree that is none of the known forms is the message itself
            request = body.request(false, tree -> tree);
        } else {
            ObjectNode message = Json.NODES.objectNode();
            message.put("text", body.text());
            request = MessageBody.withMessage(message);
        }
        return send.message(request, true);
    }
}
