package io.github.camelmessenger.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.model.event.MessengerEvent;

/**
 * Parses a delivery, {@code {"object":"page","entry":[{"id":...,"messaging":[...]|"standby":[...]}]}}, into its
 * events in delivery order. Anything that is not such a document is a {@link MalformedDeliveryException}.
 */
final class DeliveryParser {

    private final ObjectMapper mapper;
    private final EventMapper events;

    DeliveryParser(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.events = new EventMapper(mapper);
    }

    List<MessengerEvent> parse(byte[] body) throws MalformedDeliveryException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedDeliveryException("Malformed JSON");
        } catch (IOException | RuntimeException e) {
            throw new MalformedDeliveryException("Unreadable body");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedDeliveryException("Body is not a JSON object");
        }
        if (!"page".equals(EventMapper.text(root, "object"))) {
            throw new MalformedDeliveryException("object is not \"page\"");
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new MalformedDeliveryException("Missing entry array");
        }
        List<MessengerEvent> out = new ArrayList<>();
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                throw new MalformedDeliveryException("entry item is not an object");
            }
            String pageId = EventMapper.text(entry, "id");
            addAll(out, entry, "messaging", pageId, false);
            addAll(out, entry, "standby", pageId, true);
        }
        return out;
    }

    /** Re-reads one stored event (the inbox keeps each event's JSON). */
    MessengerEvent event(JsonNode item, String pageId, boolean standby) {
        return events.map(item, pageId, standby);
    }

    private void addAll(List<MessengerEvent> out, JsonNode entry, String channel, String pageId, boolean standby)
            throws MalformedDeliveryException {
        JsonNode items = entry.get(channel);
        if (items == null || items.isNull()) {
            return;
        }
        if (!items.isArray()) {
            throw new MalformedDeliveryException("entry." + channel + " is not an array");
        }
        for (JsonNode item : items) {
            if (!item.isObject()) {
                throw new MalformedDeliveryException("entry." + channel + " item is not an object");
            }
            try {
                out.add(events.map(item, pageId, standby));
            } catch (RuntimeException e) {
                throw new MalformedDeliveryException("entry." + channel + " item is unreadable");
            }
        }
    }
}
