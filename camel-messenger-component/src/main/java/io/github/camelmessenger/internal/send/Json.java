package io.github.camelmessenger.internal.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The one ObjectMapper of the outbound flow: thread-safe once configured, and costly to create. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private Json() {
    }
}
