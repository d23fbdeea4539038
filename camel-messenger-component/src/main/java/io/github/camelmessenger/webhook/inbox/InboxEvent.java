package io.github.camelmessenger.webhook.inbox;

/**
 * One event to store.
 *
 * @param conversation orders the events: those of one conversation are processed one at a time, in order
 * @param eventType    for inspection of dead letters
 * @param pageId       the Page of the entry the event came in
 * @param standby      whether it came on the standby channel
 * @param json         the event exactly as delivered (an item of messaging[] or standby[])
 */
public record InboxEvent(String conversation, String eventType, String pageId, boolean standby, String json) {
}
