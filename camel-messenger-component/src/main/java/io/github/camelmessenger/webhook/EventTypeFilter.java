package io.github.camelmessenger.webhook;

import java.util.EnumSet;
import java.util.Set;

import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.model.event.MessengerEventType;

/**
 * Which event types become exchanges (option {@code eventTypes}). By default all but echo, delivery and read: a
 * route answering those would talk to itself.
 */
final class EventTypeFilter {

    private final Set<MessengerEventType> accepted;

    private EventTypeFilter(Set<MessengerEventType> accepted) {
        this.accepted = accepted;
    }

    /**
     * @param  option                   comma separated type names, {@code *} for all; null or blank for the default
     * @throws IllegalArgumentException naming an unknown type
     */
    static EventTypeFilter of(String option) {
        if (option == null || option.isBlank()) {
            return new EventTypeFilter(EnumSet.complementOf(
                    EnumSet.of(MessengerEventType.ECHO, MessengerEventType.DELIVERY, MessengerEventType.READ)));
        }
        Set<MessengerEventType> types = EnumSet.noneOf(MessengerEventType.class);
        for (String name : option.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            if (name.trim().equals("*")) {
                types = EnumSet.allOf(MessengerEventType.class);
                break;
            }
            try {
                types.add(MessengerEventType.fromValue(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Option eventTypes: " + e.getMessage(), e);
            }
        }
        return new EventTypeFilter(types);
    }

    boolean accepts(MessengerEvent event) {
        return accepted.contains(event.type());
    }

    Set<MessengerEventType> accepted() {
        return accepted;
    }
}
