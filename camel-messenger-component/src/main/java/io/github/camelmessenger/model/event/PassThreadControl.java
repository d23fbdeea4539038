package io.github.camelmessenger.model.event;

/** Another app passed thread control; ids are strings even where the platform sends numbers. */
public record PassThreadControl(String previousOwnerAppId, String newOwnerAppId, String metadata)
        implements EventPayload {
}
