package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
 * Only a confirmed key means "done", as with Camel's idempotent consumer when {@code eager=false}: the key is looked
 * up before the event runs and added (and confirmed) once it succeeded, never before. A key left behind therefore
 * always stands for a processed event, whatever happened to the node that ran it. The same event running on this node
 * already (the platform's redelivery of a slow first attempt) is not run beside it: its outcome is awaited, and a
 * failure there makes this delivery run it.
 */
final class EventDispatcher {

    /** How a dispatch went: how many events failed, and the first failure's cause (null when none failed). */
    record Outcome(int failed, Throwable firstFailure) {
        boolean ok() {
            return failed == 0;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final MessengerWebhookConsumer consumer;
    private final IdempotentRepository repository;
    private final ConversationTracker tracker;
    private final Executor continuations;
    /** The events running on this node, by idempotency key; completed with true when the event succeeded. */
    private final ConcurrentMap<String, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();

    EventDispatcher(MessengerWebhookConsumer consumer, IdempotentRepository repository, ConversationTracker tracker,
                    Executor continuations) {
        this.consumer = consumer;
        this.repository = repository;
        this.tracker = tracker;
        this.continuations = continuations;
    }

    /** Completes when every event ran (or was found done); never completes exceptionally. */
    CompletableFuture<Outcome> dispatch(List<MessengerEvent> events) {
        Run run = prepare(events);
        run.start();
        return run.result();
    }

    /**
     * A run of the events, not started yet: it may run synchronously to its end within {@link Run#start()}, so
     * whoever may cancel it holds it first.
     */
    Run prepare(List<MessengerEvent> events) {
        return new Run(events);
    }

    /** One dispatch of a delivery's events. */
    final class Run {
        private final List<MessengerEvent> events;
        private final CompletableFuture<Outcome> result = new CompletableFuture<>();
        private final AtomicInteger failed = new AtomicInteger();
        private volatile Throwable firstFailure;
        private volatile int index;
        private volatile boolean cancelled;

        Run(List<MessengerEvent> events) {
            this.events = events;
        }

        /**
         * Completes once the events started have ended (or are found done), also after {@link #cancel()}; never
         * exceptionally.
         */
        CompletableFuture<Outcome> result() {
            return result;
        }

        /**
         * Starts no further event (the delivery was answered 500, its redelivery will run them); the one running
         * finishes and is recorded as usual.
         */
        void cancel() {
            cancelled = true;
        }

        void start() {
            next();
        }

        void next() {
            try {
                AsyncProcessor processor = consumer.getAsyncProcessor();
                while (index < events.size()) {
                    if (cancelled) {
                        int left = events.size() - index;
                        fail(new IllegalStateException(left + " event(s) not started before the deadline"));
                        break;
                    }
                    MessengerEvent event = events.get(index);
                    String key = EventKeys.of(event);
                    CompletableFuture<Boolean> mine = new CompletableFuture<>();
                    CompletableFuture<Boolean> other = running.putIfAbsent(key, mine);
                    if (other != null) {
                        LOG.debug("Webhook event {} runs already on this node: awaiting its outcome", key);
                        other.whenComplete((done, t) -> resume(() -> {
                            if (Boolean.TRUE.equals(done)) {
                                index++;
                            }
                            next();
                        }));
                        return;
                    }
                    index++;
                    if (done(key, mine)) {
                        continue;
                    }
                    Exchange exchange = consumer.createExchange(false);
                    exchange.getIn().setBody(event);
                    EventHeaders.apply(event, exchange.getIn());
                    Wait resolved;
                    try {
                        resolved = tracker.onEvent(event, exchange.getIn());
                        if (resolved != null) {
                            consumer.meters().waits("resolved");
                        }
                    } catch (RuntimeException e) {
                        // without its conversation state the event would run half-informed: fail it for redelivery
                        LOG.warn("Conversation state unavailable for webhook event {}: {}", event, e.getMessage());
                        exchange.setException(e);
                        completed(event, key, mine, null, exchange);
                        continue;
                    }
                    if (!process(processor, event, key, mine, resolved, exchange)) {
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
        private boolean process(AsyncProcessor processor, MessengerEvent event, String key,
                                CompletableFuture<Boolean> mine, Wait resolved, Exchange exchange) {
            try {
                return processor.process(exchange, doneSync -> {
                    if (doneSync) {
                        completed(event, key, mine, resolved, exchange);
                        return;
                    }
                    resume(() -> {
                        completed(event, key, mine, resolved, exchange);
                        next();
                    });
                });
            } catch (Throwable t) {
                // a processor must not throw, but if one does the delivery must still be answered
                exchange.setException(t instanceof Exception e ? e : new RuntimeException(t));
                completed(event, key, mine, resolved, exchange);
                return true;
            }
        }

        /** True when the repository says the event was processed: it is released as done and skipped. */
        private boolean done(String key, CompletableFuture<Boolean> mine) {
            if (repository == null) {
                return false;
            }
            boolean done;
            try {
                done = repository.contains(key);
            } catch (RuntimeException e) {
                // cannot tell whether it was processed: fail so that it is delivered again
                LOG.warn("Idempotent repository failed on contains of {}: {}", key, e.getMessage());
                fail(e);
                release(key, mine, false);
                return true;
            }
            if (done) {
                LOG.debug("Skipping webhook event {}: processed before", key);
                release(key, mine, true);
            }
            return done;
        }

        private void completed(MessengerEvent event, String key, CompletableFuture<Boolean> mine, Wait resolved,
                               Exchange exchange) {
            Exception failure = exchange.getException();
            boolean ok = failure == null && !exchange.isRollbackOnly();
            if (!ok) {
                fail(failure != null ? failure : new IllegalStateException("Exchange marked rollback only"));
                LOG.debug("Webhook event {} failed", event, failure);
                if (resolved != null) {
                    tracker.onFailure(resolved);
                }
            } else if (resolved != null) {
                tracker.onSuccess(resolved);
            }
            if (ok && repository != null) {
                try {
                    repository.add(key);
                    repository.confirm(key);
                } catch (RuntimeException e) {
                    LOG.warn("Idempotent repository failed to record processed webhook event {}; a redelivery runs "
                             + "it again: {}", key, e.getMessage());
                }
            }
            release(key, mine, ok);
            consumer.releaseExchange(exchange, false);
        }

        private void fail(Throwable cause) {
            failed.incrementAndGet();
            if (firstFailure == null) {
                firstFailure = cause;
            }
        }
    }

    private void release(String key, CompletableFuture<Boolean> mine, boolean done) {
        running.remove(key, mine);
        mine.complete(done);
    }

    private void resume(Runnable step) {
        try {
            continuations.execute(step);
        } catch (RejectedExecutionException e) {
            // stopping: finish here rather than never
            step.run();
        }
    }
}
