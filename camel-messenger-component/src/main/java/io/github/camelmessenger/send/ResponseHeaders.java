package io.github.camelmessenger.send;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.graph.GraphResponse;
import org.apache.camel.Message;

/** Puts a Graph API answer on the exchange: the ids as headers, the response JSON as the body. */
public final class ResponseHeaders {

    private ResponseHeaders() {
    }

    public static void apply(Message message, GraphResponse response) {
        String json = response.bodyAsString();
        message.setBody(json);
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            // a 2xx answer that is not JSON: keep it as the body, there are no ids to read
            return;
        }
        if (node == null) {
            return;
        }
        copy(node, "message_id", message, MessengerConstants.MESSAGE_ID);
        copy(node, "attachment_id", message, MessengerConstants.ATTACHMENT_ID);
        copy(node, "recipient_id", message, MessengerConstants.RESPONSE_RECIPIENT_ID);
        // getThreadOwner: {"data":[{"thread_owner":{"app_id":..,"expiration":..}}]}; an idle thread has no data
        JsonNode owner = node.path("data").path(0).path("thread_owner");
        if (owner.isObject()) {
            copy(owner, "app_id", message, MessengerConstants.THREAD_OWNER_APP_ID);
            JsonNode expiration = owner.get("expiration");
            if (expiration != null && expiration.canConvertToLong()) {
                message.setHeader(MessengerConstants.THREAD_CONTROL_EXPIRATION, expiration.asLong());
            }
        }
    }

    private static void copy(JsonNode node, String field, Message message, String header) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull()) {
            message.setHeader(header, value.asText());
        }
    }
}
