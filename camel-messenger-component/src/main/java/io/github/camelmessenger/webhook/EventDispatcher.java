package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.state.Wait;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs events through the route, one after the other so that a user's events keep their order, without waiting on
 * a thread: the next event starts from the previous one's completion.
 * <p>
 * An asynchronous completion may come on a thread that must not block (a Vert.x event loop, when the route ends in
 * an asynchronous HTTP producer); what follows it (the idempotent repository, possibly JDBC, and the next event)
 * therefore continues on {@code continuations}.
 * <p>
 * With an idempotent repository an event is claimed before it runs and released again when it fails, so a
 * redelivery skips what succeeded and retries what did not.
 */
final class EventDispatcher {

    /** How a dispatch went: how many events failed, and the first failure's cause (null when none failed). */
    record Outcome(int failed, Throwable firstFailure) {
        boolean ok() {
            return failed == 0;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    /** Stands for the key when there is no repository to keep it in. */
    private static final String NO_KEY = "";

    private final MessengerWebhookConsumer consumer;
    private final IdempotentRepository repository;
    private final ConversationTracker tracker;
    private final Executor continuations;

    EventDispatcher(MessengerWebhookConsumer consumer, IdempotentRepository repository, ConversationTracker tracker,
                    Executor continuations) {
        this.consumer = consumer;
        this.repository = repository;
        this.tracker = tracker;
        this.continuations = continuations;
    }

    /** Completes when every event ran (or was skipped as a duplicate); never completes exceptionally. */
    CompletableFuture<Outcome> dispatch(List<MessengerEvent> events) {
        Run run = new Run(events);
        run.next();
        return run.result;
    }

    private final class Run {
        private final List<MessengerEvent> events;
        private final CompletableFuture<Outcome> result = new CompletableFuture<>();
        private final AtomicInteger failed = new AtomicInteger();
        private volatile Throwable firstFailure;
        private volatile int index;

        Run(List<MessengerEvent> events) {
            this.events = events;
        }

        void next() {
            try {
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
                    Wait resolved;
                    try {
                        resolved = tracker.onEvent(event, exchange.getIn());
                    } catch (RuntimeException e) {
                        // without its conversation state the event would run half-informed: fail it for redelivery
                        LOG.warn("Conversation state unavailable for webhook event {}: {}", event, e.getMessage());
                        exchange.setException(e);
                        completed(event, key, null, exchange);
                        continue;
                    }
                    if (!process(processor, event, key, resolved, exchange)) {
                        return;
                    }
                }
                result.complete(new Outcome(failed.get(), firstFailure));
            } catch (RuntimeException e) {
                fail(e);
                result.complete(new Outcome(failed.get(), firstFailure));
            }
        }

        /** True when the exchange completed synchronously. */
        private boolean process(AsyncProcessor processor, MessengerEvent event, String key, Wait resolved,
                                Exchange exchange) {
            try {
                return processor.process(exchange, doneSync -> {
                    if (doneSync) {
                        completed(event, key, resolved, exchange);
                        return;
                    }
                    try {
                        continuations.execute(() -> {
                            completed(event, key, resolved, exchange);
                            next();
                        });
                    } catch (RejectedExecutionException e) {
                        // stopping: finish here rather than never
                        completed(event, key, resolved, exchange);
                        next();
                    }
                });
            } catch (Throwable t) {
                // a processor must not throw, but if one does the delivery must still be answered
                exchange.setException(t instanceof Exception e ? e : new RuntimeException(t));
                completed(event, key, resolved, exchange);
                return true;
            }
        }

        /** The idempotency key when the event should run, null when it is a duplicate or cannot be claimed. */
        private String claim(MessengerEvent event) {
            if (repository == null) {
                return NO_KEY;
            }
            String key = EventKeys.of(event);
            try {
                if (repository.add(key)) {
                    return key;
                }
                LOG.debug("Skipping duplicate webhook event {}", key);
            } catch (RuntimeException e) {
                // cannot tell whether it was processed: fail so that it is delivered again
                LOG.warn("Idempotent repository failed on add of {}: {}", key, e.getMessage());
                fail(e);
            }
            return null;
        }

        private void completed(MessengerEvent event, String key, Wait resolved, Exchange exchange) {
            Exception failure = exchange.getException();
            boolean ok = failure == null && !exchange.isRollbackOnly();
            if (!ok) {
                fail(failure != null ? failure : new IllegalStateException("Exchange marked rollback only"));
                LOG.debug("Webhook event {} failed", event, failure);
                if (resolved != null) {
                    tracker.onFailure(resolved);
                }
            }
            if (repository != null) {
                try {
                    if (ok) {
                        repository.confirm(key);
                    } else {
                        repository.remove(key);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Idempotent repository failed on {} of {}: {}{}", ok ? "confirm" : "remove", key,
                            e.getMessage(), ok ? "" : "; the failed event stays marked as processed");
                }
            }
            consumer.releaseExchange(exchange, false);
        }

        private void fail(Throwable cause) {
            failed.incrementAndGet();
            if (firstFailure == null) {
                firstFailure = cause;
            }
        }
    }
}
