package io.github.camelmessenger.webhook.inbox;

import java.util.Collection;
import java.util.List;

import org.apache.camel.Service;

/**
 * A durable store of webhook events between acknowledgement and processing, shared by every node that serves the
 * same webhook. Events of one channel (webhook path) are claimed by one node at a time, with a lease; a user's
 * events are claimed in delivery order, one at a time. {@link JdbcWebhookInbox} keeps them in any SQL database.
 */
public interface WebhookInbox extends Service {

    /** Stores the events of one delivery, all or none; returns once they are durable. */
    void store(String channel, List<InboxEvent> events);

    /**
     * Claims up to {@code max} due events of the channel for {@code node} until {@code now + leaseMillis}: pending
     * events, and events whose previous claim expired. Never two events of the same conversation at once.
     */
    List<ClaimedEvent> claim(String channel, String node, int max, long now, long leaseMillis);

    /** Extends the claims {@code node} still holds. */
    void renew(String node, Collection<Long> ids, long until);

    /** The event was processed: it leaves the inbox. False when the claim was lost meanwhile. */
    boolean complete(long id, String node);

    /** The event failed and runs again at {@code nextAttemptAt}. False when the claim was lost meanwhile. */
    boolean retry(long id, String node, long nextAttemptAt, String error);

    /** The event failed for good: kept as a dead letter until replayed or discarded. */
    boolean deadLetter(long id, String node, String error);

    /** Gives claimed events back without counting an attempt (the node is stopping). */
    void release(String node, Collection<Long> ids);

    /** Events that kept failing, oldest first, over every channel. */
    List<DeadLetter> deadLetters();

    /** Makes a dead letter pending again, with its attempts reset. False when there is no such dead letter. */
    boolean replay(long id);

    /** Replays every dead letter; returns how many. */
    int replayAll();

    /** Deletes a dead letter. False when there is no such dead letter. */
    boolean discard(long id);

    /** Events stored and not yet processed (pending, claimed or waiting for redelivery), dead letters excluded. */
    long pendingCount();
}
