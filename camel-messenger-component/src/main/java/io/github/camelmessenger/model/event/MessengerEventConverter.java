package io.github.camelmessenger.model.event;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Converter;
import org.apache.camel.RuntimeCamelException;

/**
 * Lets routes that know nothing of the typed model (YAML, Simple, JSONPath) read an event as {@code Map} or JSON:
 * the platform's event fields ({@code sender}, {@code recipient}, {@code timestamp}, {@code message}, ...) plus
 * {@code type}, {@code pageId}, {@code senderId}, {@code recipientId} and {@code standby}.
 */
@Converter(generateLoader = true)
public final class MessengerEventConverter {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private MessengerEventConverter() {
    }

    @Converter
    public static Map<String, Object> toMap(MessengerEvent event) {
        return MAPPER.convertValue(toJsonNode(event), MAP);
    }

    @Converter
    public static String toJson(MessengerEvent event) {
        try {
            return MAPPER.writeValueAsString(toJsonNode(event));
        } catch (JsonProcessingException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The event's JSON with the derived fields first. */
    @Converter
    public static JsonNode toJsonNode(MessengerEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", event.type().value());
        node.put("pageId", event.pageId());
        node.put("senderId", event.senderId());
        if (event.userRef() != null) {
            node.put("userRef", event.userRef());
        }
        node.put("recipientId", event.recipientId());
        node.put("standby", event.standby());
        node.put("timestamp", event.timestamp());
        if (event.raw() instanceof ObjectNode raw) {
            raw.properties().forEach(e -> {
                if (!node.has(e.getKey())) {
                    node.set(e.getKey(), e.getValue());
                }
            });
        }
        return node;
    }
}
