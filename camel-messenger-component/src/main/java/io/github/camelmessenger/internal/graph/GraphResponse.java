package io.github.camelmessenger.internal.graph;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A successful (2xx) Graph API answer. */
public record GraphResponse(int statusCode, byte[] body) {

    public GraphResponse {
        if (body == null) {
            body = new byte[0];
        }
    }

    /** The body decoded as UTF-8 (the Graph API always answers UTF-8 JSON). */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
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
