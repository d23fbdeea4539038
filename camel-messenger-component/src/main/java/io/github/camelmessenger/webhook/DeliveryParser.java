package io.github.camelmessenger.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.model.event.MessengerEventType;

/**
 * Parses a delivery,
 * {@code {"object":"page","entry":[{"id":...,"messaging":[...]|"standby":[...]|"changes":[...]}]}}, into its
 * events in delivery order. Anything that is not such a document is a {@link MalformedDeliveryException}; an item
 * that is no event a route could handle (no sender, no recipient) is set aside as {@link Malformed}, and the other
 * items go on.
 */
final class DeliveryParser {

    /** A delivery's events in order, and the items set aside. */
    record Parsed(List<MessengerEvent> events, List<Malformed> malformed) {
    }

    /** An item set aside: its kind, its entry's Page, and what it lacks (never its content). */
    record Malformed(String kind, String pageId, String reason) {
    }

    private final ObjectMapper mapper;
    private final EventMapper events;

    DeliveryParser(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.events = new EventMapper(mapper);
    }

    Parsed parse(byte[] body) throws MalformedDeliveryException {
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
        Parsed out = new Parsed(new ArrayList<>(), new ArrayList<>());
        for (JsonNode entry : entries) {
            if (!entry.isObject()) {
                throw new MalformedDeliveryException("entry item is not an object");
            }
            String pageId = EventMapper.text(entry, "id");
            long time = EventMapper.millis(entry.get("time"));
            addAll(out, entry, "messaging", pageId, time, false);
            addAll(out, entry, "standby", pageId, time, true);
            addAll(out, entry, "changes", pageId, time, false);
        }
        return out;
    }

    /** Re-reads one stored event (the inbox keeps each event's JSON, with its time). */
    MessengerEvent event(JsonNode item, String pageId, boolean standby) {
        return events.map(item, pageId, 0, standby);
    }

    /**
     * What a known kind of event lacks to be handled, or null. Every known kind names its recipient (the Page, for
     * echoes the user) and, but for app_roles, its sender (a user id, or a plugin's user_ref); kinds the component
     * does not model are passed on as they are.
     */
    private static String missing(MessengerEvent event, JsonNode item) {
        if (event.type() == MessengerEventType.UNKNOWN) {
            return null;
        }
        if (event.type() == MessengerEventType.COMMENT) {
            // the platform may withhold who commented; the comment itself is what a private reply needs
            return event.comment().commentId() == null ? "no value.comment_id" : null;
        }
        if (event.recipientId() == null && EventMapper.text(item.path("recipient"), "user_ref") == null) {
            return "no recipient.id";
        }
        if (event.type() != MessengerEventType.APP_ROLES && event.senderId() == null && event.userRef() == null) {
            return "no sender.id or user_ref";
        }
        return null;
    }

    private void addAll(Parsed out, JsonNode entry, String channel, String pageId, long time, boolean standby)
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
            if ("changes".equals(channel) && !EventMapper.isChange(item)) {
                // a Page change names its field and carries its value; without them there is nothing to handle
                String field = EventMapper.text(item, "field");
                out.malformed().add(new Malformed(field != null ? field : "change", pageId, "no field or value"));
                continue;
            }
            MessengerEvent event;
            try {
                event = events.map(item, pageId, time, standby);
            } catch (RuntimeException e) {
                throw new MalformedDeliveryException("entry." + channel + " item is unreadable");
            }
            String missing = missing(event, item);
            if (missing == null) {
                out.events().add(event);
            } else {
                out.malformed().add(new Malformed(EventKeys.kind(event), pageId, missing));
            }
        }
    }
}
