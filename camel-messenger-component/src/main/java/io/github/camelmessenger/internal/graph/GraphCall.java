package io.github.camelmessenger.internal.graph;

import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerException;
import io.netty.buffer.Unpooled;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link GraphClient#send} in flight: acquire a permit, send, read the answer, and either complete or retry
 * after a backoff. Every step is a Vert.x callback; the completion is called exactly once.
 * <p>
 * The call is itself the handler of each step (and the pacer's task), told apart by {@link #stage}: the steps run one
 * after the other, and a handler object per step and attempt was per-message garbage on the send path.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
final class GraphCall implements Handler<AsyncResult<Object>>, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphCall.class);

    private static final int AWAITING_REQUEST = 0;
    private static final int AWAITING_RESPONSE = 1;
    private static final int AWAITING_BODY = 2;

    private final GraphClient client;
    private final GraphRequest request;
    private final GraphClient.Completion completion;
    private final RequestOptions requestOptions;
    private int attempts;
    private int status;
    private int stage;
    private boolean completed;
    private long retryTimer = -1;
    private long attemptStart;

    GraphCall(GraphClient client, GraphRequest request, GraphClient.Completion completion) {
        this.client = client;
        this.request = request;
        this.completion = completion;
        this.requestOptions = client.requestOptions(request,
                client.credentials(request.accessToken(), request.appSecret()));
    }

    void start() {
        acquireThenSend();
    }

    private void acquireThenSend() {
        PageRateLimiter limiter = client.rateLimiter;
        if (limiter == null || request.rateClass() == RateClass.NONE) {
            sendAttempt();
        } else {
            limiter.acquire(request.pageKey(), request.rateClass(), this);
        }
    }

    /** The pacer's permit. */
    @Override
    public void run() {
        sendAttempt();
    }

    private void sendAttempt() {
        if (client.closed) {
            fail(new MessengerException("Graph API client for " + client.server + " is closed; "
                                        + request.method() + " " + request.path() + " not sent"));
            return;
        }
        attempts++;
        attemptStart = System.nanoTime();
        stage = AWAITING_REQUEST;
        try {
            client.http.request(requestOptions, (Handler) this);
        } catch (RuntimeException e) {
            onTransportFailure(e);
        }
    }

    @Override
    public void handle(AsyncResult<Object> ar) {
        if (ar.failed()) {
            onTransportFailure(ar.cause());
            return;
        }
        switch (stage) {
            case AWAITING_REQUEST -> onRequest((HttpClientRequest) ar.result());
            case AWAITING_RESPONSE -> onResponse((HttpClientResponse) ar.result());
            default -> onBody((Buffer) ar.result());
        }
    }

    private void onRequest(HttpClientRequest httpRequest) {
        byte[] body = request.body();
        stage = AWAITING_RESPONSE;
        if (body == null || body.length == 0) {
            httpRequest.send((Handler) this);
        } else {
            // wrap, don't copy: the body may be sent again on retry, so each attempt gets its own wrapper
            httpRequest.send(Buffer.buffer(Unpooled.wrappedBuffer(body)), (Handler) this);
        }
    }

    private void onResponse(HttpClientResponse response) {
        status = response.statusCode();
        stage = AWAITING_BODY;
        response.body((Handler) this);
    }

    private void onBody(Buffer buffer) {
        GraphResponse answer = null;
        try {
            byte[] bytes = buffer.getBytes();
            if (status >= 200 && status < 300) {
                if (LOG.isTraceEnabled()) {
                    LOG.trace("Graph API {} {} -> {} (attempt {})", request.method(), request.path(), status, attempts);
                }
                answer = new GraphResponse(status, bytes);
            } else {
                MessengerApiException error = GraphErrors.fromResponse(status, bytes);
                if (error.isRetryable() && attempts <= client.options.getMaxRetries()) {
                    retryLater(error.isRateLimited(), error.getMessage());
                } else {
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("Graph API {} {} -> {} (attempt {}), giving up: {}", request.method(),
                                request.path(), status, attempts, error.getMessage());
                    }
                    fail(error);
                }
                return;
            }
        } catch (RuntimeException e) {
            fail(new MessengerException("Cannot read the Graph API answer to " + request.method() + " "
                                        + request.path(), e));
            return;
        }
        succeed(answer);
    }

    private void onTransportFailure(Throwable cause) {
        if (!client.closed && attempts <= client.options.getMaxRetries()) {
            retryLater(false, describeTransportFailure(cause));
            return;
        }
        String message = "Graph API call " + request.method() + " " + request.path() + " to " + client.server
                         + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
                         + describeTransportFailure(cause);
        fail(new MessengerException(message, safeCause(cause)));
    }

    private void retryLater(boolean rateLimited, String reason) {
        long delay = Math.max(1, client.backoff.delayMillis(attempts - 1, rateLimited));
        if (LOG.isDebugEnabled()) {
            LOG.debug("Graph API {} {} attempt {} failed ({}); retrying in {} ms", request.method(), request.path(),
                    attempts, reason, delay);
        }
        client.waitingForRetry.put(this, Boolean.TRUE);
        synchronized (this) {
            retryTimer = client.vertx.setTimer(delay, timer -> {
                if (client.waitingForRetry.remove(this) != null) {
                    acquireThenSend();
                }
            });
        }
        if (client.closed) {
            // close() may have run before we registered: do not wait for the timer
            abortRetry();
        }
    }

    /** Called by {@link GraphClient#close()}: fail now instead of waiting for the retry timer. */
    void abortRetry() {
        if (client.waitingForRetry.remove(this) == null) {
            return;
        }
        long timer;
        synchronized (this) {
            timer = retryTimer;
        }
        if (timer >= 0) {
            client.vertx.cancelTimer(timer);
        }
        fail(new MessengerException("Graph API client for " + client.server + " closed before retrying "
                                    + request.method() + " " + request.path()));
    }

    private void succeed(GraphResponse response) {
        if (completed) {
            return;
        }
        completed = true;
        try {
            completion.succeeded(response);
        } catch (RuntimeException e) {
            // the caller's own failure: it must not turn into a second outcome of this call
            LOG.warn("Completion of Graph API call {} {} failed", request.method(), request.path(), e);
        }
    }

    void fail(Throwable error) {
        if (completed) {
            return;
        }
        completed = true;
        try {
            completion.failed(error);
        } catch (RuntimeException e) {
            LOG.warn("Completion of Graph API call {} {} failed", request.method(), request.path(), e);
        }
    }

    private String describeTransportFailure(Throwable cause) {
        String description = describe(cause);
        long timeoutMillis = client.options.getRequestTimeoutMillis();
        if (cause instanceof HttpClosedException
            && System.nanoTime() - attemptStart >= TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
            // the idle timeout closes the connection, so a timeout surfaces as a closed connection
            return "no answer within the request timeout of " + timeoutMillis + " ms (" + description + ")";
        }
        return description;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        String message = Redaction.redact(cause.getMessage());
        String type = cause.getClass().getSimpleName();
        return message == null || message.isEmpty() ? type : type + ": " + message;
    }

    /** The cause itself, unless its message quotes the request URI (with the proof): then a scrubbed stand-in. */
    private static Throwable safeCause(Throwable cause) {
        if (cause == null) {
            return null;
        }
        String message = cause.getMessage();
        if (message == null || message.equals(Redaction.redact(message))) {
            return cause;
        }
        Throwable scrubbed = new TransportFailure(cause.getClass().getName() + ": " + Redaction.redact(message));
        scrubbed.setStackTrace(cause.getStackTrace());
        return scrubbed;
    }

    /** Stands in for a transport exception whose message had to be scrubbed. */
    static final class TransportFailure extends Exception {
        private static final long serialVersionUID = 1L;

        TransportFailure(String message) {
            super(message, null, false, true);
        }
    }
}
