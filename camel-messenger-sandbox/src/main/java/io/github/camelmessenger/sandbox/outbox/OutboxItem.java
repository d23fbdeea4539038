package io.github.camelmessenger.sandbox.outbox;

import java.time.Instant;

/**
 * A message the app sent on another channel: an SMS through the sandbox's gateway, or an e-mail it reported.
 *
 * @param channel {@code sms} or {@code email}
 */
public record OutboxItem(String id, Instant time, String channel, String to, String subject, String text) {
}
