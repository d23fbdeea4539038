package io.github.camelmessenger;

import java.util.concurrent.CompletionException;

import io.github.camelmessenger.graph.GraphClient;
import io.github.camelmessenger.send.OneTimeNotifTokens;
import io.github.camelmessenger.send.OutboundCalls;
import io.github.camelmessenger.send.PreparedCall;
import io.github.camelmessenger.send.ResponseHeaders;
import io.github.camelmessenger.send.WaitForResponse;
import io.github.camelmessenger.state.ConversationStateRepository;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * Sends exchanges to the Graph API without parking a thread per call: the exchange completes on the HTTP client's
 * event loop when the answer (or the last retry) arrives.
 */
public class MessengerProducer extends DefaultAsyncProducer {

    private OutboundCalls calls;
    private GraphClient client;
    private ConversationStateRepository state;

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
        state = endpoint.getComponent().stateRepository(endpoint.getConfiguration());
        calls = new OutboundCalls(endpoint.getConfiguration(), state, endpoint.getCamelContext());
        client = endpoint.getComponent().graphClient(endpoint.getConfiguration());
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        PreparedCall call;
        try {
            MessengerOperation operation = operation(exchange);
            if (!operation.callsGraphApi()) {
                // waitForResponse records state and returns at once
                WaitForResponse.record(exchange, getEndpoint().getConfiguration(), state);
                callback.done(true);
                return true;
            }
            call = calls.prepare(operation, exchange);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        client.send(call.request()).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    exchange.setException(mapFailure(failure));
                } else {
                    if (call.oneTimeNotifToken() != null) {
                        OneTimeNotifTokens.markSpent(exchange, call.oneTimeNotifToken());
                    }
                    ResponseHeaders.apply(exchange.getMessage(), response);
                }
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        });
        return false;
    }

    private static Throwable mapFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof MessengerApiException api && MessengerWindowClosedException.matches(api)) {
            return new MessengerWindowClosedException(api);
        }
        return cause;
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
