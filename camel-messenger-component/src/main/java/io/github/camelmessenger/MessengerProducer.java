package io.github.camelmessenger;

import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelmessenger.health.PageTokenHealthCheck;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphResponse;
import io.github.camelmessenger.internal.operation.Attachments;
import io.github.camelmessenger.internal.operation.CustomRequests;
import io.github.camelmessenger.internal.operation.MessengerProfiles;
import io.github.camelmessenger.internal.operation.Messages;
import io.github.camelmessenger.internal.operation.PageSubscriptions;
import io.github.camelmessenger.internal.operation.Personas;
import io.github.camelmessenger.internal.operation.SendTemplates;
import io.github.camelmessenger.internal.operation.SenderActions;
import io.github.camelmessenger.internal.operation.ThreadControl;
import io.github.camelmessenger.internal.operation.UserProfiles;
import io.github.camelmessenger.internal.operation.Waits;
import io.github.camelmessenger.internal.send.OneTimeNotifTokens;
import io.github.camelmessenger.internal.send.Outbound;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;
import io.github.camelmessenger.internal.send.ResponseHeaders;
import io.github.camelmessenger.metrics.MessengerMeters;
import io.github.camelmessenger.metrics.SendMeters;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends exchanges to the Graph API without parking a thread per call. One switch maps each operation to its handler
 * in {@code internal.operation}; the handler builds a validated call, the Graph client sends it, and the exchange
 * continues when the answer (or the last retry) arrives: on a thread of the component's pool, or on the event loop
 * itself with {@code continueOnEventLoop}.
 */
public class MessengerProducer extends DefaultAsyncProducer {

    private Outbound outbound;
    private GraphClient client;
    /** Null: continue on the event loop. */
    private Executor continuation;
    private MessengerMeters meters = MessengerMeters.NONE;
    private PageTokenHealthCheck healthCheck;

    public MessengerProducer(MessengerEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MessengerEndpoint getEndpoint() {
        return (MessengerEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MessengerEndpoint endpoint = getEndpoint();
        MessengerComponent component = endpoint.getComponent();
        outbound = new Outbound(endpoint.getConfiguration(), component.stateRepository(endpoint.getConfiguration()),
                component.clock(), component.privateReplies());
        client = component.graphClient(endpoint.getConfiguration());
        continuation = endpoint.isContinueOnEventLoop() ? null : component.continuations();
        MessengerConfiguration config = endpoint.getConfiguration();
        if (config.getPageAccessToken() != null && !config.getPageAccessToken().isBlank()) {
            // per-Page tokens and resolvers have no single token to ask about
            healthCheck = new PageTokenHealthCheck("messenger-page-token-" + endpoint.getId(), client,
                    config.getPageAccessToken(), config.getAppSecret(), config.getHealthCheckCacheTime(),
                    Math.min(config.getRequestTimeout(), 10_000), component.clock());
            healthCheck.register(endpoint.getCamelContext());
        }
        meters = component.meters();
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister(getEndpoint().getCamelContext());
            healthCheck = null;
        }
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        MessengerOperation operation;
        PreparedCall call;
        try {
            operation = operation(exchange);
            call = switch (operation) {
                case sendMessage -> Messages.sendMessage(start(exchange));
                case sendButtonTemplate, sendGenericTemplate, sendMediaTemplate, sendOneTimeNotificationRequest ->
                    SendTemplates.send(operation, start(exchange));
                case sendAttachment -> Attachments.sendAttachment(start(exchange));
                case uploadAttachment -> Attachments.uploadAttachment(start(exchange));
                case sendSenderAction -> SenderActions.sendSenderAction(start(exchange));
                case sendCustomRequest -> CustomRequests.sendCustomRequest(start(exchange));
                case sendToInbox, giveThreadControl, takeThreadControl, requestThreadControl, releaseThreadControl,
                        extendThreadControl, getThreadOwner ->
                    ThreadControl.call(operation, start(exchange));
                case getUserProfile -> UserProfiles.getUserProfile(start(exchange),
                        getEndpoint().getComponent().userProfiles());
                case setMessengerProfile, getMessengerProfile, deleteMessengerProfile ->
                    MessengerProfiles.call(operation, start(exchange));
                case createPersona, getPersona, listPersonas, deletePersona -> Personas.call(operation, start(exchange));
                case subscribeApp, unsubscribeApp -> PageSubscriptions.call(operation, start(exchange));
                case waitForResponse -> {
                    // records state and completes at once: no Graph API call
                    Waits.record(exchange, getEndpoint().getConfiguration(), outbound.state(), outbound.clock());
                    yield null;
                }
                case webhook -> throw new IllegalArgumentException("messenger:webhook is a consumer operation");
            };
        } catch (Exception e) {
            exchange.setException(e);
            SendMeters.record(meters, operationName(exchange), e);
            callback.done(true);
            return true;
        }
        if (call == null) {
            SendMeters.record(meters, operation.name(), null);
            callback.done(true);
            return true;
        }
        Outcome outcome = new Outcome(exchange, callback, call, operation == MessengerOperation.getThreadOwner,
                continuation, meters, operation.name());
        if (call.answer() != null) {
            // answered from a cache: no call, the exchange continues as after one
            outcome.succeeded(call.answer());
        } else {
            client.send(call.request(), outcome);
        }
        return false;
    }

    private OutboundExchange start(Exchange exchange) {
        return outbound.start(exchange);
    }

    /**
     * Puts the call's outcome on the exchange and completes it: the one object per exchange the send path needs. It
     * runs where the exchange continues: handed to the pool, or at once on the event loop.
     */
    private static final class Outcome implements GraphClient.Completion, Runnable {
        private final Exchange exchange;
        private final AsyncCallback callback;
        private final PreparedCall call;
        private final boolean threadOwnerQuery;
        private final Executor continuation;
        private final MessengerMeters meters;
        private final String operation;
        private GraphResponse response;
        private Throwable failure;

        Outcome(Exchange exchange, AsyncCallback callback, PreparedCall call, boolean threadOwnerQuery,
                Executor continuation, MessengerMeters meters, String operation) {
            this.exchange = exchange;
            this.callback = callback;
            this.call = call;
            this.threadOwnerQuery = threadOwnerQuery;
            this.continuation = continuation;
            this.meters = meters;
            this.operation = operation;
        }

        @Override
        public void succeeded(GraphResponse response) {
            this.response = response;
            continueExchange();
        }

        @Override
        public void failed(Throwable failure) {
            this.failure = failure;
            continueExchange();
        }

        private void continueExchange() {
            if (continuation == null) {
                run();
                return;
            }
            try {
                continuation.execute(this);
            } catch (RejectedExecutionException e) {
                // the pool is shut down (the component stops): finish here rather than never
                run();
            }
        }

        @Override
        public void run() {
            try {
                if (call.settlement() != null) {
                    call.settlement().settled(failure);
                }
                if (failure != null) {
                    exchange.setException(mapFailure(failure));
                } else {
                    if (call.oneTimeNotifToken() != null) {
                        OneTimeNotifTokens.markSpent(exchange, call.oneTimeNotifToken());
                    }
                    ResponseHeaders.apply(exchange.getMessage(), response, threadOwnerQuery, call.reader());
                }
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                SendMeters.record(meters, operation, exchange.getException());
                callback.done(false);
            }
        }
    }

    private static Throwable mapFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof MessengerApiException api && MessengerWindowClosedException.matches(api)) {
            return new MessengerWindowClosedException(api);
        }
        return cause;
    }

    /** The operation's name for the meters, also when the header naming it was wrong. */
    private String operationName(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(MessengerConstants.OPERATION);
        return header != null ? header.toString() : getEndpoint().getOperation().name();
    }

    private MessengerOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(MessengerConstants.OPERATION);
        if (header == null) {
            return getEndpoint().getOperation();
        }
        MessengerOperation operation = header instanceof MessengerOperation op
                ? op : MessengerOperation.valueOf(header.toString());
        if (!operation.isProducer()) {
            throw new IllegalArgumentException("header CamelMessengerOperation names a consumer operation: " + operation);
        }
        return operation;
    }
}
