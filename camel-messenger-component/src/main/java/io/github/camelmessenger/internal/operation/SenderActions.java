package io.github.camelmessenger.internal.operation;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.send.Json;
import io.github.camelmessenger.internal.send.MessageBody;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;

/**
 * {@code sendSenderAction}: typing indicators, mark seen, reactions. The action comes from header, plain body or
 * option; a structured body is the whole request, or the {@code {message_id, reaction}} payload of a reaction.
 */
public final class SenderActions {

    private SenderActions() {
    }

    public static PreparedCall sendSenderAction(OutboundExchange send) {
        MessageBody body = send.body();
        ObjectNode tree = body.tree();
        if (tree != null && MessageBody.isRequest(tree)) {
            return send.message(tree, false);
        }
        ObjectNode request = Json.NODES.objectNode();
        String action = send.settings().get(MessengerConstants.SENDER_ACTION, null);
        if (action == null && tree == null) {
            String text = body.text();
            if (text != null && !text.isBlank()) {
                action = text.strip();
            }
        }
        if (action == null) {
            action = send.options().getSenderAction();
        }
        if (action == null) {
            throw new MessengerValidationException("sender_action",
                    "one of typing_on, typing_off, mark_seen, react, unreact (body, header "
                                                                    + "CamelMessengerSenderAction or option "
                                                                    + "senderAction)",
                    null);
        }
        request.put("sender_action", action.toLowerCase(Locale.ROOT));
        if (tree != null) {
            // react / unreact: the body carries {message_id, reaction}
            request.set("payload", tree);
        }
        return send.message(request, false);
    }
}
