package io.github.camelmessenger.model.event;

/** Another app asks this (primary) app for thread control. */
public record RequestThreadControl(String requestedOwnerAppId, String metadata) implements EventPayload {
}
