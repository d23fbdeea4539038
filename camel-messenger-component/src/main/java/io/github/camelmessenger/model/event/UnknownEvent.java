package io.github.camelmessenger.model.event;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kind of event this version does not model (message_edit, game_play, policy-enforcement, or one the platform
 * adds later). Nothing is dropped: {@code data} is the kind's JSON, and {@link MessengerEvent#raw()} the whole event.
 *
 * @param kind the event's field name, e.g. {@code message_edit}; null when the event carries none
 */
public record UnknownEvent(String kind, JsonNode data) implements EventPayload {
}
