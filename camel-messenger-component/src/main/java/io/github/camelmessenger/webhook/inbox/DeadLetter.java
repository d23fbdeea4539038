package io.github.camelmessenger.webhook.inbox;

import java.time.Instant;

/**
 * An event that kept failing. Replay it with {@link WebhookInbox#replay(long)} once the cause is fixed.
 *
 * @param channel   the webhook path it came in on
 * @param attempts  how many times it ran
 * @param lastError the last failure, as {@code ExceptionClass: message}
 * @param json      the event as delivered
 */
public record DeadLetter(long id, String channel, String eventType, String conversation, int attempts,
                         String lastError, String json, Instant storedAt) {
}
