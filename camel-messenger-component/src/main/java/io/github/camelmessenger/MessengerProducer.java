package io.github.camelmessenger;

import java.util.concurrent.CompletionException;

import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphResponse;
import io.github.camelmessenger.internal.send.OneTimeNotifTokens;
import io.github.camelmessenger.internal.send.OutboundCalls;
import io.github.camelmessenger.internal.send.PreparedCall;
import io.github.camelmessenger.internal.send.ResponseHeaders;
import io.github.camelmessenger.internal.send.WaitForResponse;
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
        calls = new OutboundCalls(endpoint.getConfiguration(), state, endpoint.getCamelContext(),
                endpoint.getComponent().clock());
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
            MessengerOperation endpointOperation = getEndpoint().getOperation();
            // tried before reading the operation header: an exchange the plain text path takes carries none
            call = calls.preparePlainText(endpointOperation, exchange);
            if (call == null) {
                MessengerOperation operation = operation(exchange);
                if (!operation.callsGraphApi()) {
                    // waitForResponse records state and returns at once
                    WaitForResponse.record(exchange, getEndpoint().getConfiguration(), state,
                            getEndpoint().getComponent().clock());
                    callback.done(true);
                    return true;
                }
                call = operation == endpointOperation
                        ? calls.prepareGeneral(operation, exchange) : calls.prepare(operation, exchange);
            }
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        client.send(call.request(), new Outcome(exchange, callback, call.oneTimeNotifToken()));
        return false;
    }

    /** Puts the call's outcome on the exchange and completes it: the one object per exchange the send path needs. */
    private static final class Outcome implements GraphClient.Completion {
        private final Exchange exchange;
        private final AsyncCallback callback;
        private final String oneTimeNotifToken;

        Outcome(Exchange exchange, AsyncCallback callback, String oneTimeNotifToken) {
            this.exchange = exchange;
            this.callback = callback;
            this.oneTimeNotifToken = oneTimeNotifToken;
        }

        @Override
        public void succeeded(GraphResponse response) {
            try {
                if (oneTimeNotifToken != null) {
                    OneTimeNotifTokens.markSpent(exchange, oneTimeNotifToken);
                }
                ResponseHeaders.apply(exchange.getMessage(), response);
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                callback.done(false);
            }
        }

        @Override
        public void failed(Throwable failure) {
            try {
                exchange.setException(mapFailure(failure));
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
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
