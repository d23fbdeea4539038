package io.github.camelmessenger.internal.send;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.internal.graph.GraphResponse;
import org.apache.camel.Message;

/** Puts a Graph API answer on the exchange: the ids as headers, the response JSON as the body. */
public final class ResponseHeaders {

    private ResponseHeaders() {
    }

    public static void apply(Message message, GraphResponse response) {
        String json = response.bodyAsString();
        message.setBody(json);
        String[] ids = FlatAnswer.read(response.body());
        if (ids != null) {
            // the usual Send API answer: three short strings, read without a parser
            setIfPresent(message, MessengerConstants.MESSAGE_ID, ids[FlatAnswer.MESSAGE_ID]);
            setIfPresent(message, MessengerConstants.ATTACHMENT_ID, ids[FlatAnswer.ATTACHMENT_ID]);
            setIfPresent(message, MessengerConstants.RESPONSE_RECIPIENT_ID, ids[FlatAnswer.RECIPIENT_ID]);
            return;
        }
        // Streamed rather than read into a tree: a Send API answer is three short strings, and building a tree for
        // them cost as much as a tenth of a send's CPU time. Headers are set only once the whole answer parsed.
        String messageId = null;
        String attachmentId = null;
        String recipientId = null;
        JsonNode data = null;
        try (JsonParser parser = Json.MAPPER.createParser(response.body())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                // not a JSON object (or not JSON): keep it as the body, there are no ids to read
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "message_id" -> messageId = text(parser);
                    case "attachment_id" -> attachmentId = text(parser);
                    case "recipient_id" -> recipientId = text(parser);
                    case "data" -> data = parser.readValueAsTree();
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // a 2xx answer that is not JSON: keep it as the body, there are no ids to read
            return;
        }
        setIfPresent(message, MessengerConstants.MESSAGE_ID, messageId);
        setIfPresent(message, MessengerConstants.ATTACHMENT_ID, attachmentId);
        setIfPresent(message, MessengerConstants.RESPONSE_RECIPIENT_ID, recipientId);
        // getThreadOwner: {"data":[{"thread_owner":{"app_id":..,"expiration":..}}]}; an idle thread has no data
        JsonNode owner = data == null ? null : data.path(0).path("thread_owner");
        if (owner != null && owner.isObject()) {
            JsonNode appId = owner.get("app_id");
            if (appId != null && !appId.isNull()) {
                message.setHeader(MessengerConstants.THREAD_OWNER_APP_ID, appId.asText());
            }
            JsonNode expiration = owner.get("expiration");
            if (expiration != null && expiration.canConvertToLong()) {
                message.setHeader(MessengerConstants.THREAD_CONTROL_EXPIRATION, expiration.asLong());
            }
        }
    }

    /** The value at the parser as a tree's {@code asText()} gives it; null for JSON null (no header). */
    private static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return parser.getText();
        }
        JsonNode tree = parser.readValueAsTree();
        return tree.asText();
    }

    private static void setIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
