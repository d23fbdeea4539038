package io.github.camelmessenger.model.event;

/** The user linked ({@code authorizationCode} set) or unlinked an account. */
public record AccountLinking(String status, String authorizationCode) implements EventPayload {
}
