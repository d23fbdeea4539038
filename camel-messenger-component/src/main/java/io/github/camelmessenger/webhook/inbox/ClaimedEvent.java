package io.github.camelmessenger.webhook.inbox;

/**
 * An event a node claimed for processing.
 *
 * @param attempts how many times it failed before
 */
public record ClaimedEvent(long id, String pageId, boolean standby, String json, int attempts) {
}
