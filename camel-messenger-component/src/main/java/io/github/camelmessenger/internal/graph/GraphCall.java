package io.github.camelmessenger.internal.graph;

import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.MessengerAmbiguousSendException;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerException;
import io.netty.buffer.Unpooled;
import io.vertx.core.AsyncResult;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link GraphClient#send} in flight: acquire a permit, open a request, write it, read the answer, then complete
 * or retry after a backoff. Every step is a Vert.x callback; the completion is called exactly once.
 * <p>
 * What may be retried depends on whether the platform could have seen the request. A failure before it was written
 * (no connection, refused, DNS) and an answer the platform marks as temporary are retried. A failure after it was
 * written (reset, no answer in time, a proxy's bare 502/504) may have delivered the message, and the Send API has no
 * idempotency key: such a call ends with {@link MessengerAmbiguousSendException}, unless {@code retryAmbiguous} asks
 * otherwise. A {@code GET} changes nothing and is always retried. The whole call, pacing and retries included, ends
 * at the call deadline.
 */
final class GraphCall implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphCall.class);

    private final GraphClient client;
    private final GraphRequest request;
    private final GraphClient.Completion completion;
    private final RequestOptions requestOptions;
    private final boolean idempotent;
    private int attempts;
    private boolean completed;
    /** Whether the current attempt's request was handed to the connection: from then on it may have arrived. */
    private volatile boolean written;
    private volatile HttpClientRequest inFlight;
    private long retryTimer = -1;
    private long attemptStart;

    GraphCall(GraphClient client, GraphRequest request, GraphClient.Completion completion) {
        this.client = client;
        this.request = request;
        this.completion = completion;
        this.requestOptions = client.requestOptions(request,
                client.credentials(request.accessToken(), request.appSecret()));
        this.idempotent = "GET".equals(request.method());
    }

    void start() {
        if (client.deadlines != null) {
            client.deadlines.add(this);
        }
        acquireThenSend();
    }

    private void acquireThenSend() {
        PageRateLimiter limiter = client.rateLimiter;
        if (limiter == null || request.rateClass() == RateClass.NONE) {
            sendAttempt();
        } else {
            if (!limiter.acquire(request.pageKey(), request.rateClass(), client.paceInterval(request.rateClass()),
                    this)) {
                fail(new MessengerException("Not sent: " + client.options.getMaxQueuedSends() + " calls already wait "
                                            + "for the rate limit of Page " + request.pageKey() + " (maxQueuedSends)"));
            }
        }
    }

    /** The pacer's permit. */
    @Override
    public void run() {
        sendAttempt();
    }

    private void sendAttempt() {
        if (isCompleted()) {
            return;
        }
        if (client.closed) {
            fail(new MessengerException("Graph API client for " + client.server + " is closed; "
                                        + request.method() + " " + request.path() + " not sent"));
            return;
        }
        attempts++;
        attemptStart = System.nanoTime();
        written = false;
        if (Vertx.currentContext() == null) {
            client.home.runOnContext(v -> request());
        } else {
            request();
        }
    }

    private void request() {
        try {
            client.http.request(requestOptions).onComplete(this::onRequest);
        } catch (RuntimeException e) {
            onTransportFailure(e);
        }
    }

    private void onRequest(AsyncResult<HttpClientRequest> opened) {
        if (opened.failed()) {
            onTransportFailure(opened.cause());
            return;
        }
        HttpClientRequest httpRequest = opened.result();
        if (isCompleted()) {
            // the deadline passed while the connection was being set up: nothing was written
            httpRequest.reset();
            return;
        }
        inFlight = httpRequest;
        written = true;
        byte[] body = request.body();
        if (body == null || body.length == 0) {
            httpRequest.send().onComplete(this::onResponse);
        } else {
            // wrap, don't copy: the body may be sent again on retry, so each attempt gets its own wrapper
            httpRequest.send(Buffer.buffer(Unpooled.wrappedBuffer(body))).onComplete(this::onResponse);
        }
    }

    private void onResponse(AsyncResult<HttpClientResponse> answered) {
        if (answered.failed()) {
            onTransportFailure(answered.cause());
            return;
        }
        HttpClientResponse response = answered.result();
        int status = response.statusCode();
        response.body().onComplete(read -> {
            if (read.failed()) {
                onTransportFailure(read.cause());
            } else {
                onAnswer(status, read.result());
            }
        });
    }

    private void onAnswer(int status, Buffer buffer) {
        inFlight = null;
        GraphResponse answer;
        try {
            byte[] bytes = buffer.getBytes();
            if (status < 200 || status >= 300) {
                onErrorAnswer(status, bytes);
                return;
            }
            if (LOG.isTraceEnabled()) {
                LOG.trace("Graph API {} {} -> {} (attempt {})", request.method(), request.path(), status, attempts);
            }
            answer = new GraphResponse(status, bytes);
        } catch (RuntimeException e) {
            fail(new MessengerException("Cannot read the Graph API answer to " + request.method() + " "
                                        + request.path(), e));
            return;
        }
        succeed(answer);
    }

    private void onErrorAnswer(int status, byte[] bytes) {
        MessengerApiException error = GraphErrors.fromResponse(status, bytes);
        if (error.getCode() == 0 && (status == 502 || status == 504) && !idempotent) {
            // a gateway's own answer: the platform behind it may have received the request
            onAmbiguous(status, "HTTP " + status + " without a Graph API error (a proxy or gateway answered)", null);
            return;
        }
        if (error.isRetryable() && canRetry()) {
            retryLater(error.isRateLimited(), error.getMessage());
            return;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("Graph API {} {} -> {} (attempt {}), giving up: {}", request.method(), request.path(), status,
                    attempts, error.getMessage());
        }
        fail(error);
    }

    private void onTransportFailure(Throwable cause) {
        inFlight = null;
        if (isCompleted()) {
            return;
        }
        if (cause instanceof ConnectionPoolTooBusyException) {
            // every connection busy and maxQueuedSends calls waiting for one: refuse now, nothing was written
            fail(new MessengerException("Not sent: " + client.options.getMaxQueuedSends() + " calls already wait for "
                                        + "a connection to " + client.server + " (maxQueuedSends, maxConnections)"));
            return;
        }
        if (written && !idempotent) {
            onAmbiguous(0, describeTransportFailure(cause), safeCause(cause));
            return;
        }
        if (!client.closed && canRetry()) {
            retryLater(false, describeTransportFailure(cause));
            return;
        }
        fail(new MessengerException(failedAfterAttempts(describeTransportFailure(cause)), safeCause(cause)));
    }

    private void onAmbiguous(int status, String what, Throwable cause) {
        if (client.options.isRetryAmbiguous() && !client.closed && canRetry()) {
            retryLater(false, what + "; retried because retryAmbiguous=true");
            return;
        }
        fail(new MessengerAmbiguousSendException(status, failedAfterAttempts(what)
                                                         + ". The request had been written: the platform may have "
                                                         + "received it, so it was not sent again",
                cause));
    }

    private boolean canRetry() {
        return attempts <= client.options.getMaxRetries();
    }

    private String failedAfterAttempts(String what) {
        return "Graph API call " + request.method() + " " + request.path() + " to " + client.server + " failed after "
               + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + what;
    }

    private void retryLater(boolean rateLimited, String reason) {
        long delay = Math.max(1, client.backoff.delayMillis(attempts - 1, rateLimited));
        if (LOG.isDebugEnabled()) {
            LOG.debug("Graph API {} {} attempt {} failed ({}); retrying in {} ms", request.method(), request.path(),
                    attempts, reason, delay);
        }
        client.options.getRetryListener().run();
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
        if (!cancelRetry()) {
            return;
        }
        fail(new MessengerException("Graph API client for " + client.server + " closed before retrying "
                                    + request.method() + " " + request.path()));
    }

    private boolean cancelRetry() {
        if (client.waitingForRetry.remove(this) == null) {
            return false;
        }
        long timer;
        synchronized (this) {
            timer = retryTimer;
        }
        if (timer >= 0) {
            client.vertx.cancelTimer(timer);
        }
        return true;
    }

    /** The call deadline passed (on an event loop): whatever the call is doing, it ends now. */
    void onDeadline() {
        if (isCompleted()) {
            return;
        }
        String what = "no outcome within the call timeout of " + client.options.getCallTimeoutMillis() + " ms";
        HttpClientRequest pending = inFlight;
        if (written && pending != null) {
            // the outcome first: the reset below fails the request, and that failure must not be the outcome
            if (idempotent) {
                fail(new MessengerException(failedAfterAttempts(what)));
            } else {
                fail(new MessengerAmbiguousSendException(0, failedAfterAttempts(what)
                                                            + ". The request had been written: the platform may "
                                                            + "have received it",
                        null));
            }
            pending.reset();
            return;
        }
        cancelRetry();
        fail(new MessengerException(failedAfterAttempts(what) + "; not sent"));
    }

    private synchronized boolean isCompleted() {
        return completed;
    }

    /** Marks the call completed; false when it already was (a second outcome is dropped). */
    private synchronized boolean complete() {
        if (completed) {
            return false;
        }
        completed = true;
        if (client.deadlines != null) {
            client.deadlines.remove(this);
        }
        return true;
    }

    private void succeed(GraphResponse response) {
        if (!complete()) {
            return;
        }
        try {
            completion.succeeded(response);
        } catch (RuntimeException e) {
            // the caller's own failure: it must not turn into a second outcome of this call
            LOG.warn("Completion of Graph API call {} {} failed", request.method(), request.path(), e);
        }
    }

    void fail(Throwable error) {
        if (!complete()) {
            return;
        }
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
