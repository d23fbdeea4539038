package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.model.event.MessengerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default acknowledgement (no inbox): the delivery is answered once every event went through the route; 200 if
 * all succeeded, else 500 so that the platform delivers again (at-least-once). The platform wants its answer within
 * 5 seconds, so a delivery that takes longer than 4 is logged.
 */
final class ProcessThenAcknowledge implements EventSink {

    static final long SLOW_MILLIS = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessThenAcknowledge.class);

    private final EventDispatcher dispatcher;
    private final String path;

    ProcessThenAcknowledge(EventDispatcher dispatcher, String path) {
        this.dispatcher = dispatcher;
        this.path = path;
    }

    @Override
    public CompletionStage<WebhookResponse> accept(List<MessengerEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(WebhookResponse.RECEIVED);
        }
        long start = System.nanoTime();
        return dispatcher.dispatch(events).thenApply(outcome -> {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (millis > SLOW_MILLIS) {
                LOG.warn("Webhook {}: the route took {} ms for a delivery of {} event(s); the platform expects an "
                         + "answer within 5000 ms and retries, then disables the webhook. Make the route faster or "
                         + "use the inbox option.",
                        path, millis, events.size());
            }
            if (!outcome.ok()) {
                LOG.warn("Webhook {}: {} of {} event(s) failed ({}); answering 500 so that the platform delivers again",
                        path, outcome.failed(), events.size(), describe(outcome.firstFailure()));
                return WebhookResponse.FAILED;
            }
            return WebhookResponse.RECEIVED;
        });
    }

    static String describe(Throwable t) {
        return t == null ? "unknown cause" : t.getClass().getName() + ": " + t.getMessage();
    }
}
