package io.github.camelmessenger.sandbox.graph;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The field checks the Graph API makes, each failing with a (#100) naming the field the way it does. */
final class Fields {

    private Fields() {
    }

    static String text(JsonNode parent, String name, String field, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw Rejection.param("The parameter " + field + " is required");
            }
            return null;
        }
        if (!n.isValueNode()) {
            throw Rejection.param("Param " + field + " must be a string");
        }
        return n.asText();
    }

    static String maxLength(JsonNode parent, String name, String field, int max, boolean required) {
        String value = text(parent, name, field, required);
        if (value != null && value.length() > max) {
            throw Rejection.param("Length of param " + field + " must be less than or equal to " + max + " (it is "
                                  + value.length() + ")");
        }
        if (value != null && required && value.isEmpty()) {
            throw Rejection.param("Param " + field + " must be non-empty");
        }
        return value;
    }

    static String oneOf(JsonNode parent, String name, String field, List<String> allowed, boolean required) {
        String value = text(parent, name, field, required);
        if (value != null && !allowed.contains(value)) {
            throw Rejection.param("Param " + field + " must be one of {" + String.join(", ", allowed) + "} - got \""
                                  + value + "\"");
        }
        return value;
    }

    static JsonNode object(JsonNode parent, String name, String field, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw Rejection.param("The parameter " + field + " is required");
            }
            return null;
        }
        if (!n.isObject()) {
            throw Rejection.param("Param " + field + " must be a JSON object");
        }
        return n;
    }

    static JsonNode array(JsonNode parent, String name, String field, int min, int max) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (min > 0) {
                throw Rejection.param("The parameter " + field + " is required");
            }
            return null;
        }
        if (!n.isArray()) {
            throw Rejection.param("Param " + field + " must be an array");
        }
        if (n.size() < min || n.size() > max) {
            throw Rejection.param("Param " + field + " must have " + (min == max ? "exactly " + min
                    : min + " to " + max) + " elements (it has " + n.size() + ")");
        }
        return n;
    }

    static String httpUrl(JsonNode parent, String name, String field, boolean required) {
        String url = text(parent, name, field, required);
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            throw Rejection.param("Param " + field + " must be a valid URL - got \"" + url + "\"");
        }
        return url;
    }
}
