package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.model.event.MessengerEvent;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs events through the route, one after the other so that a user's events keep their order, without waiting on
 * a thread: the next event starts from the previous one's completion callback.
 * <p>
 * With an idempotent repository an event is claimed before it runs and released again when it fails, so a
 * redelivery skips what succeeded and retries what did not.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final MessengerWebhookConsumer consumer;
    private final IdempotentRepository repository;

    EventDispatcher(MessengerWebhookConsumer consumer, IdempotentRepository repository) {
        this.consumer = consumer;
        this.repository = repository;
    }

    /** Completes with the number of events that failed (0: all processed or skipped as duplicates); never fails. */
    CompletableFuture<Integer> dispatch(List<MessengerEvent> events) {
        Run run = new Run(events);
        run.next();
        return run.result;
    }

    /** Completes with whether the single event succeeded (or was a duplicate); never fails. */
    CompletableFuture<Boolean> dispatch(MessengerEvent event) {
        return dispatch(List.of(event)).thenApply(failed -> failed == 0);
    }

    private final class Run {
        private final List<MessengerEvent> events;
        private final CompletableFuture<Integer> result = new CompletableFuture<>();
        private final AtomicInteger failed = new AtomicInteger();
        private volatile int index;

        Run(List<MessengerEvent> events) {
            this.events = events;
        }

        void next() {
            AsyncProcessor processor = consumer.getAsyncProcessor();
            while (index < events.size()) {
                MessengerEvent event = events.get(index++);
                String key = claim(event);
                if (key == null) {
                    continue;
                }
                Exchange exchange = consumer.createExchange(false);
                exchange.getIn().setBody(event);
                EventHeaders.apply(event, exchange.getIn());
                boolean sync;
                try {
                    sync = processor.process(exchange, doneSync -> {
                        completed(event, key, exchange);
                        if (!doneSync) {
                            next();
                        }
                    });
                } catch (Throwable t) {
                    // a processor must not throw, but if one does the delivery must still be answered
                    exchange.setException(t instanceof Exception e ? e : new RuntimeException(t));
                    completed(event, key, exchange);
                    sync = true;
                }
                if (!sync) {
                    return;
                }
            }
            result.complete(failed.get());
        }

        /** The idempotency key when the event should run, null when it is a duplicate or cannot be claimed. */
        private String claim(MessengerEvent event) {
            String key = EventKeys.of(event);
            if (repository == null) {
                return key;
            }
            try {
                if (repository.add(key)) {
                    return key;
                }
                LOG.debug("Skipping duplicate webhook event {}", key);
            } catch (RuntimeException e) {
                // cannot tell whether it was processed: fail so that the platform delivers again
                LOG.warn("Idempotent repository failed on add of {}: {}", key, e.getMessage());
                failed.incrementAndGet();
            }
            return null;
        }

        private void completed(MessengerEvent event, String key, Exchange exchange) {
            boolean ok = exchange.getException() == null && !exchange.isRollbackOnly();
            if (!ok) {
                failed.incrementAndGet();
                LOG.debug("Webhook event {} failed", event, exchange.getException());
            }
            if (repository != null) {
                try {
                    if (ok) {
                        repository.confirm(key);
                    } else {
                        repository.remove(key);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Idempotent repository failed on {} of {}: {}", ok ? "confirm" : "remove", key,
                            e.getMessage());
                    if (!ok) {
                        // still claimed: a redelivery would skip it, so there is nothing more to do than tell
                        LOG.warn("Event {} failed and stays marked as processed in the idempotent repository", key);
                    }
                }
            }
            consumer.releaseExchange(exchange, false);
        }
    }
}
