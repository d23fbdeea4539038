package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.model.event.MessengerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default acknowledgement (no inbox): the delivery is answered once every event went through the route; 200 if
 * all succeeded, else 500 so that the platform delivers again (at-least-once).
 * <p>
 * The platform waits 5 seconds for the answer and then counts the delivery as failed, so a 200 sent later is worth
 * nothing: past {@code deliveryTimeout} the delivery is answered 500 at once and starts no further event (the
 * redelivery runs them); the event running then finishes and is recorded as usual.
 * <p>
 * On stop, deliveries in progress are let finish ({@link #drain(long)}) before the consumer's threads go away.
 */
final class ProcessThenAcknowledge implements EventSink {

    static final long SLOW_MILLIS = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessThenAcknowledge.class);

    private final EventDispatcher dispatcher;
    private final String path;
    private final long deliveryTimeout;
    private final ScheduledExecutorService deadlines;
    private final Executor runs;
    private final Set<Delivery> inFlight = ConcurrentHashMap.newKeySet();

    /**
     * @param runs where a delivery's first event starts, so that the answer can go out at the deadline even while a
     *             synchronous route still blocks its thread
     */
    ProcessThenAcknowledge(EventDispatcher dispatcher, String path, long deliveryTimeout,
                           ScheduledExecutorService deadlines, Executor runs) {
        this.dispatcher = dispatcher;
        this.path = path;
        this.deliveryTimeout = deliveryTimeout;
        this.deadlines = deadlines;
        this.runs = runs;
    }

    @Override
    public CompletionStage<WebhookResponse> accept(List<MessengerEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(WebhookResponse.RECEIVED);
        }
        Delivery delivery = new Delivery(dispatcher.prepare(events), events.size());
        inFlight.add(delivery);
        delivery.armDeadline();
        delivery.run.result().whenComplete((outcome, t) -> {
            inFlight.remove(delivery);
            delivery.finished(outcome);
        });
        try {
            runs.execute(delivery.run::start);
        } catch (RejectedExecutionException e) {
            delivery.run.start();
        }
        return delivery.answer;
    }

    /**
     * Waits up to {@code timeoutMillis} for the deliveries in progress to finish, then answers those still running
     * 500 (they start no further event). Returns how many were still running.
     */
    int drain(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int left = inFlight.size();
        if (left > 0) {
            LOG.warn("Webhook {}: {} delivery(ies) still running at stop; answering 500 so that the platform "
                     + "delivers them again", path, left);
            inFlight.forEach(d -> d.expire("the consumer stopped"));
        }
        return left;
    }

    static String describe(Throwable t) {
        return t == null ? "unknown cause" : t.getClass().getName() + ": " + t.getMessage();
    }

    /** One delivery in progress: its answer, given once, by its outcome or by its deadline. */
    private final class Delivery {
        private final EventDispatcher.Run run;
        private final int size;
        private final long start = System.nanoTime();
        private final CompletableFuture<WebhookResponse> answer = new CompletableFuture<>();
        private volatile ScheduledFuture<?> timer;

        Delivery(EventDispatcher.Run run, int size) {
            this.run = run;
            this.size = size;
        }

        void armDeadline() {
            if (answer.isDone()) {
                return;
            }
            try {
                timer = deadlines.schedule(() -> expire("deliveryTimeout"), deliveryTimeout, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping: the drain answers it
            }
        }

        void expire(String why) {
            run.cancel();
            if (answer.complete(WebhookResponse.FAILED)) {
                LOG.warn("Webhook {}: a delivery of {} event(s) is not done after {} ms ({}); answering 500 so that "
                         + "the platform delivers it again (events not started are left to that redelivery). Make "
                         + "the route faster or use the inbox option.",
                        path, size, millis(), why);
            }
        }

        void finished(EventDispatcher.Outcome outcome) {
            ScheduledFuture<?> t = timer;
            if (t != null) {
                t.cancel(false);
            }
            long millis = millis();
            if (millis > SLOW_MILLIS) {
                LOG.warn("Webhook {}: the route took {} ms for a delivery of {} event(s); the platform expects an "
                         + "answer within 5000 ms and retries, then disables the webhook. Make the route faster or "
                         + "use the inbox option.",
                        path, millis, size);
            }
            if (outcome == null || !outcome.ok()) {
                if (answer.complete(WebhookResponse.FAILED) && outcome != null) {
                    LOG.warn("Webhook {}: {} of {} event(s) failed ({}); answering 500 so that the platform delivers "
                             + "again",
                            path, outcome.failed(), size, describe(outcome.firstFailure()));
                }
                return;
            }
            answer.complete(WebhookResponse.RECEIVED);
        }

        private long millis() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
    }
}
