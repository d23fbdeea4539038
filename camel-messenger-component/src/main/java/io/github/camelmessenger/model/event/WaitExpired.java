package io.github.camelmessenger.model.event;

/**
 * A wait for the user's answer that timed out (event type {@code wait_expired}).
 *
 * @param step      the step the answer was awaited for
 * @param createdAt when the wait was set, epoch milliseconds
 * @param expiresAt when it expired, epoch milliseconds
 */
public record WaitExpired(String step, long createdAt, long expiresAt) implements EventPayload {
}
