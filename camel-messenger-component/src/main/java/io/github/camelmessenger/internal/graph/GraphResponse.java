package io.github.camelmessenger.internal.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A successful (2xx) Graph API answer, and what the producer reads from it. The body is read once, here, by one
 * streaming parser: the ids of a Send API answer ({@code message_id}, {@code attachment_id}, {@code recipient_id})
 * and the owner of a thread ({@code data[0].thread_owner}). A body that is not a JSON object (or not JSON) has none of
 * them; a body that breaks off mid-way has none either, so a half-read answer never sets half of the ids.
 */
public final class GraphResponse {

    private static final JsonFactory JSON = new JsonFactory();

    private final int statusCode;
    private final byte[] body;
    private String messageId;
    private String attachmentId;
    private String recipientId;
    private String threadOwnerAppId;
    private Long threadControlExpiration;

    public GraphResponse(int statusCode, byte[] body) {
        this.statusCode = statusCode;
        this.body = body == null ? new byte[0] : body;
        read();
    }

    public int statusCode() {
        return statusCode;
    }

    /** The raw body; not copied, so do not change it. */
    public byte[] body() {
        return body;
    }

    /** The body decoded as UTF-8 (the Graph API always answers UTF-8 JSON). */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@code message_id} of a Send API answer, or null. */
    public String messageId() {
        return messageId;
    }

    /** {@code attachment_id} of an upload's answer, or null. */
    public String attachmentId() {
        return attachmentId;
    }

    /** {@code recipient_id} of a Send API answer, or null. */
    public String recipientId() {
        return recipientId;
    }

    /** {@code data[0].thread_owner.app_id} of a thread owner answer, or null (an idle thread has no owner). */
    public String threadOwnerAppId() {
        return threadOwnerAppId;
    }

    /** {@code data[0].thread_owner.expiration} when numeric, or null. */
    public Long threadControlExpiration() {
        return threadControlExpiration;
    }

    private void read() {
        if (body.length == 0) {
            return;
        }
        String message = null;
        String attachment = null;
        String recipient = null;
        String[] owner = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "message_id" -> message = text(parser);
                    case "attachment_id" -> attachment = text(parser);
                    case "recipient_id" -> recipient = text(parser);
                    case "data" -> owner = value == JsonToken.START_ARRAY ? threadOwner(parser) : skip(parser);
                    default -> parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                // broken off or trailing content: not an answer to take ids from
                return;
            }
        } catch (IOException e) {
            return;
        }
        messageId = message;
        attachmentId = attachment;
        recipientId = recipient;
        if (owner != null) {
            threadOwnerAppId = owner[0];
            threadControlExpiration = owner[1] == null ? null : Long.valueOf(owner[1]);
        }
    }

    /** {@code [app_id, expiration]} of the first element's {@code thread_owner}, or null; the array is consumed. */
    private static String[] threadOwner(JsonParser parser) throws IOException {
        String[] owner = null;
        JsonToken element = parser.nextToken();
        if (element == JsonToken.END_ARRAY) {
            return null;
        }
        if (element == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.START_OBJECT && "thread_owner".equals(field)) {
                    owner = new String[2];
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String ownerField = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if ("app_id".equals(ownerField)) {
                            owner[0] = text(parser);
                        } else if ("expiration".equals(ownerField) && value == JsonToken.VALUE_NUMBER_INT
                                   && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                            owner[1] = Long.toString(parser.getLongValue());
                        } else if ("expiration".equals(ownerField) && value == JsonToken.VALUE_NUMBER_FLOAT) {
                            owner[1] = Long.toString((long) parser.getDoubleValue());
                        } else {
                            parser.skipChildren();
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } else {
            parser.skipChildren();
        }
        // the rest of the array
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("unexpected end of the answer");
            }
            parser.skipChildren();
        }
        return owner;
    }

    private static String[] skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }

    /** A scalar as text, null for JSON null (no header), "" for an object or array (what a tree's asText gives). */
    private static String text(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isScalarValue()) {
            return parser.getText();
        }
        parser.skipChildren();
        return "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphResponse other && statusCode == other.statusCode && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return 31 * statusCode + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "GraphResponse[statusCode=" + statusCode + ", body=" + body.length + " bytes]";
    }
}
