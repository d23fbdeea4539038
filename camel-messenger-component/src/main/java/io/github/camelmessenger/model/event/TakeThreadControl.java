package io.github.camelmessenger.model.event;

/** Thread control was taken from this app. */
public record TakeThreadControl(String previousOwnerAppId, String newOwnerAppId, String metadata)
        implements EventPayload {
}
