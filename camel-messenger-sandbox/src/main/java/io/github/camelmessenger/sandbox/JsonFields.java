package io.github.camelmessenger.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the fields of a request to the sandbox's own API; what does not fit is a 400 naming the field. */
public final class JsonFields {

    private JsonFields() {
    }

    /** A text (or number) field; null when absent and not required. */
    public static String text(JsonNode body, String field, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadRequestException(field, "is required");
            }
            return null;
        }
        if (!n.isValueNode()) {
            throw new BadRequestException(field, "expected text, got " + n);
        }
        return n.asText();
    }

    /** The body must be a JSON object; {@code example} shows what one looks like. */
    public static void requireObject(JsonNode body, String example) {
        if (body == null || !body.isObject()) {
            throw new BadRequestException("body", "expected a JSON object such as " + example);
        }
    }
}
