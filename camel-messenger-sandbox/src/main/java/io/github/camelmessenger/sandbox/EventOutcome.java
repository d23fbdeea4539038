package io.github.camelmessenger.sandbox;

import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.users.WebhookSender;

/**
 * A user or Page Inbox action, once the app's webhook has answered its delivery.
 *
 * @param entry    the conversation entry, with its final verdict
 * @param delivery what the webhook answered
 */
public record EventOutcome(Entry entry, WebhookSender.Delivery delivery) {
}
