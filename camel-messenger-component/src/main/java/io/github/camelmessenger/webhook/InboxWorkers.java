package io.github.camelmessenger.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.webhook.inbox.ClaimedEvent;
import io.github.camelmessenger.webhook.inbox.WebhookInbox;
import org.apache.camel.spi.ExecutorServiceManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's share of an inbox: claims due events (up to {@code concurrency} at a time), runs them through the
 * route, and records the outcome: done, due again after a back-off, or dead-lettered. Claims are renewed while the
 * route runs, up to inboxEventTimeout. On stop, nothing new is claimed and running events are let finish, their
 * claims still renewed.
 */
final class InboxWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorkers.class);

    record Settings(String channel, String node, int concurrency, long pollDelay, long leaseTime, long eventTimeout,
                    RedeliveryPolicy redelivery) {
        Settings {
            if (concurrency < 1 || pollDelay < 1 || leaseTime < 1000 || eventTimeout < 1) {
                throw new IllegalArgumentException("Inbox: inboxConcurrency, inboxPollDelay and inboxEventTimeout must "
                                                   + "be positive and inboxLeaseTime at least 1000 ms, got "
                                                   + concurrency + ", " + pollDelay + ", " + eventTimeout + ", "
                                                   + leaseTime);
            }
        }
    }

    private final WebhookInbox inbox;
    private final EventDispatcher dispatcher;
    private final DeliveryParser parser;
    private final ObjectMapper mapper;
    private final Settings settings;
    private final ExecutorServiceManager executors;
    private final ScheduledExecutorService poller;
    private final ExecutorService workers;
    private final Semaphore slots;
    /** A claim this node holds and renews, when its event was claimed, and whether its outcome is decided. */
    private record Running(ClaimedEvent event, long sinceNanos, AtomicBoolean decided) {
        Running(ClaimedEvent event) {
            this(event, System.nanoTime(), new AtomicBoolean());
        }
    }

    /**
     * The claims this node holds, by event id. Whoever decides an entry (the end of its run, or its timeout) records
     * the event's outcome and only then removes it: a stopping node waits for this map to empty.
     */
    private final Map<Long, Running> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean running;

    /**
     * @param workers runs the events (and the dispatcher's continuations): {@code concurrency} threads
     * @param poller  claims and renews
     */
    InboxWorkers(WebhookInbox inbox, EventDispatcher dispatcher, DeliveryParser parser, ObjectMapper mapper,
                 Settings settings, ExecutorServiceManager executors, ScheduledExecutorService poller,
                 ExecutorService workers) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.parser = parser;
        this.mapper = mapper;
        this.settings = settings;
        this.executors = executors;
        this.poller = poller;
        this.workers = workers;
        this.slots = new Semaphore(settings.concurrency());
    }

    void start() {
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, settings.pollDelay(), TimeUnit.MILLISECONDS);
        long renewEvery = Math.max(250, settings.leaseTime() / 3);
        poller.scheduleWithFixedDelay(this::renew, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
    }

    /** Events were stored here: look at once rather than at the next poll. */
    void wakeUp() {
        if (running && pollQueued.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    pollQueued.set(false);
                    poll();
                });
            } catch (RejectedExecutionException e) {
                pollQueued.set(false);
            }
        }
    }

    private void poll() {
        try {
            while (running) {
                int free = slots.availablePermits();
                if (free == 0) {
                    return;
                }
                List<ClaimedEvent> claimed = inbox.claim(settings.channel(), settings.node(), free,
                        System.currentTimeMillis(), settings.leaseTime());
                for (ClaimedEvent event : claimed) {
                    // only this thread takes permits, so the ones counted above are still free
                    slots.acquireUninterruptibly();
                    inFlight.put(event.id(), new Running(event));
                    try {
                        workers.execute(() -> run(event));
                    } catch (RejectedExecutionException e) {
                        giveBack(event);
                    }
                }
                if (claimed.size() < free) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook {}: cannot claim inbox events, trying again in {} ms: {}", settings.channel(),
                    settings.pollDelay(), e.getMessage());
        }
    }

    private void run(ClaimedEvent claimed) {
        if (!running) {
            giveBack(claimed);
            return;
        }
        MessengerEvent event;
        try {
            event = parser.event(mapper.readTree(claimed.json()), claimed.pageId(), claimed.standby());
        } catch (Exception e) {
            settle(claimed, new EventDispatcher.Outcome(1, e), true);
            return;
        }
        dispatcher.dispatch(List.of(event)).whenComplete((outcome, t) -> {
            EventDispatcher.Outcome o = t != null ? new EventDispatcher.Outcome(1, t) : outcome;
            try {
                workers.execute(() -> settle(claimed, o, false));
            } catch (RejectedExecutionException e) {
                settle(claimed, o, false);
            }
        });
    }

    private void settle(ClaimedEvent claimed, EventDispatcher.Outcome outcome, boolean unreadable) {
        Running running = inFlight.get(claimed.id());
        if (running != null && running.decided().compareAndSet(false, true)) {
            record(claimed, outcome, unreadable);
            inFlight.remove(claimed.id());
        } else {
            // timed out earlier: its outcome is recorded, its claim given up; only the slot was still held
            LOG.warn("Webhook {}: inbox event {} ended after its inboxEventTimeout; it was released already",
                    settings.channel(), claimed.id());
        }
        slots.release();
        wakeUp();
    }

    /** Records the outcome of a run of the event: done, due again after a back-off, or dead-lettered. */
    private void record(ClaimedEvent claimed, EventDispatcher.Outcome outcome, boolean unreadable) {
        try {
            boolean recorded;
            if (outcome.ok()) {
                recorded = inbox.complete(claimed.id(), settings.node());
            } else {
                int failures = claimed.attempts() + 1;
                String error = ProcessThenAcknowledge.describe(outcome.firstFailure());
                if (unreadable || settings.redelivery().exhausted(failures)) {
                    recorded = inbox.deadLetter(claimed.id(), settings.node(), error);
                    LOG.warn("Webhook {}: inbox event {} failed {} time(s) and is dead-lettered ({}); replay it with "
                             + "the inbox's replay({}) once fixed",
                            settings.channel(), claimed.id(), failures, error, claimed.id());
                } else {
                    long delay = settings.redelivery().delay(failures);
                    recorded = inbox.retry(claimed.id(), settings.node(), System.currentTimeMillis() + delay, error);
                    LOG.debug("Webhook {}: inbox event {} failed ({}), redelivery {} in {} ms", settings.channel(),
                            claimed.id(), error, failures, delay);
                }
            }
            if (!recorded) {
                LOG.warn("Webhook {}: the claim on inbox event {} expired while it ran, so another node may run it "
                         + "too; raise inboxLeaseTime",
                        settings.channel(), claimed.id());
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook {}: cannot record the outcome of inbox event {}; it runs again once its claim expires: "
                     + "{}",
                    settings.channel(), claimed.id(), e.getMessage());
        }
    }

    private void giveBack(ClaimedEvent claimed) {
        try {
            inbox.release(settings.node(), List.of(claimed.id()));
        } catch (RuntimeException e) {
            LOG.debug("Cannot release inbox event {}: {}", claimed.id(), e.getMessage());
        } finally {
            inFlight.remove(claimed.id());
            slots.release();
        }
    }

    /**
     * Extends the claims of the running events; an event running past inboxEventTimeout is not renewed but released
     * as failed (redelivered after its back-off, or dead-lettered), so a hung route cannot hold its conversation.
     */
    private void renew() {
        if (inFlight.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        List<Long> renew = new ArrayList<>(inFlight.size());
        inFlight.forEach((id, running) -> {
            if (running.decided().get()) {
                return;
            }
            if (TimeUnit.NANOSECONDS.toMillis(now - running.sinceNanos()) > settings.eventTimeout()) {
                timedOut(running);
            } else {
                renew.add(id);
            }
        });
        if (renew.isEmpty()) {
            return;
        }
        try {
            inbox.renew(settings.node(), renew, System.currentTimeMillis() + settings.leaseTime());
        } catch (RuntimeException e) {
            LOG.warn("Webhook {}: cannot renew inbox claims: {}", settings.channel(), e.getMessage());
        }
    }

    private void timedOut(Running running) {
        if (!running.decided().compareAndSet(false, true)) {
            return;
        }
        ClaimedEvent claimed = running.event();
        String error = "inboxEventTimeout: still running after " + settings.eventTimeout() + " ms";
        LOG.warn("Webhook {}: inbox event {} is still running after {} ms (inboxEventTimeout); releasing it as failed",
                settings.channel(), claimed.id(), settings.eventTimeout());
        record(claimed, new EventDispatcher.Outcome(1, new TimeoutException(error)), false);
        inFlight.remove(claimed.id());
    }

    /**
     * Claims nothing more and waits up to {@code timeoutMillis} for the running events to finish, renewing their
     * claims meanwhile (else another node would run them a second time while they finish here).
     */
    void stop(long timeoutMillis) throws InterruptedException {
        running = false;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!inFlight.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        if (!inFlight.isEmpty()) {
            LOG.warn("Webhook {}: {} inbox event(s) still running at stop; they stay claimed and run again elsewhere "
                     + "once the claim expires",
                    settings.channel(), inFlight.size());
        }
        executors.shutdown(poller);
        executors.shutdown(workers);
    }
}
