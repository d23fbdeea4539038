package io.github.camelmessenger.internal.graph;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camelmessenger.MessengerException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Graph API client: one keep-alive Vert.x {@link HttpClient} shared by every call, optional per-Page pacing,
 * retries with backoff on Vert.x timers. Nothing here blocks or parks a thread; futures complete on a Vert.x event
 * loop (or at once on the caller's thread when the call cannot even start, e.g. after {@link #close()}).
 * <p>
 * The access token travels in an {@code Authorization: Bearer} header, never in the URL, and neither it nor the app
 * secret appears in logs or exception messages.
 */
public final class GraphClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);
    private static final int CREDENTIAL_CACHE_LIMIT = 1024;

    final Vertx vertx;
    final HttpClient http;
    final PageRateLimiter rateLimiter;
    final GraphClientOptions options;
    final RetryBackoff backoff;
    /** Nanoseconds between this client's permits per {@link RateClass}, from its options. */
    private final long[] paceIntervals = new long[RateClass.values().length];
    /** {@code /{base path}/{version}/}, what every request URI starts with. */
    final String uriPrefix;
    /** {@code host:port}, for failure messages. */
    final String server;
    final Map<GraphCall, Boolean> waitingForRetry = new ConcurrentHashMap<>();
    /**
     * The event loop calls made off Vert.x threads start on (the continuation pool's, a route's): one context for
     * them all, so their connections live on that loop and answers come back on it, instead of each pool thread
     * adding a hop through an event loop of its own.
     */
    final Context home;
    /** The calls' deadlines (callTimeout), or null when calls have none. */
    final Deadlines deadlines;
    volatile boolean closed;

    private final Map<String, Credentials> credentials = new ConcurrentHashMap<>();
    private volatile Credentials lastCredentials;

    /**
     * @param rateLimiter the Page pacer, or {@code null} to send every call at once (calls with
     *                    {@link RateClass#NONE} are never paced)
     */
    public GraphClient(Vertx vertx, GraphClientOptions options, PageRateLimiter rateLimiter) {
        this(vertx, options, rateLimiter, null);
    }

    /**
     * @param customizer adjusts the Vert.x HTTP client options (proxy, TLS material: {@link GraphTransport}), or
     *                   {@code null}
     */
    public GraphClient(Vertx vertx, GraphClientOptions options, PageRateLimiter rateLimiter,
                Consumer<HttpClientOptions> customizer) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.options = Objects.requireNonNull(options, "options");
        this.rateLimiter = rateLimiter;
        this.backoff = new RetryBackoff(options.getRetryDelayMillis(), options.getRateLimitRetryDelayMillis(),
                options.getMaxRetryDelayMillis());
        this.home = vertx.getOrCreateContext();
        this.deadlines = options.getCallTimeoutMillis() > 0
                ? new Deadlines(vertx, options.getCallTimeoutMillis()) : null;
        paceIntervals[RateClass.STANDARD.ordinal()] = PageRateLimiter.intervalNanos(options.getRateLimit());
        paceIntervals[RateClass.MEDIA.ordinal()] = PageRateLimiter.intervalNanos(options.getMediaRateLimit());

        URI base = URI.create(options.getBaseUri());
        boolean ssl = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
        this.server = base.getHost() + ":" + port;
        this.uriPrefix = uriPrefix(base.getRawPath(), options.getApiVersion());

        HttpClientOptions httpOptions = new HttpClientOptions()
                .setDefaultHost(base.getHost())
                .setDefaultPort(port)
                .setSsl(ssl)
                // the JVM's default trust store, host name verification and SNI: graph.facebook.com needs SNI
                .setVerifyHost(true)
                .setForceSni(ssl)
                .setKeepAlive(true)
                .setConnectTimeout((int) options.getConnectTimeoutMillis())
                // the request timeout as the connection's idle timeout (nothing read or written for that long):
                // Vert.x only acts on it while a request is in flight, so it bounds the wait for an answer without
                // a timer per request
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, options.getRequestTimeoutMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setTryUseCompression(false);
        if (customizer != null) {
            customizer.accept(httpOptions);
        }
        PoolOptions poolOptions = new PoolOptions().setHttp1MaxSize(options.getMaxConnections())
                .setMaxWaitQueueSize(options.getMaxQueuedSends() <= 0 ? -1 : options.getMaxQueuedSends());
        this.http = vertx.createHttpClient(httpOptions, poolOptions);
    }

    private static String uriPrefix(String basePath, String apiVersion) {
        StringBuilder sb = new StringBuilder();
        if (basePath != null && !basePath.isEmpty() && !"/".equals(basePath)) {
            sb.append(basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath);
            if (sb.charAt(0) != '/') {
                sb.insert(0, '/');
            }
        }
        sb.append('/');
        if (!apiVersion.isEmpty()) {
            sb.append(apiVersion).append('/');
        }
        return sb.toString();
    }

    /**
     * Sends the call, paced and retried as configured. Never throws: the future completes with the 2xx answer, or
     * exceptionally with a {@link io.github.camelmessenger.MessengerApiException} (the platform's error, after the
     * last retry when retryable) or a {@link MessengerException} (transport failure after the last retry, or a
     * call that could not be built).
     */
    public CompletableFuture<GraphResponse> send(GraphRequest request) {
        CompletableFuture<GraphResponse> result = new CompletableFuture<>();
        send(request, new Completion() {
            @Override
            public void succeeded(GraphResponse response) {
                result.complete(response);
            }

            @Override
            public void failed(Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /**
     * Sends the call like {@link #send(GraphRequest)}, but reports the outcome to {@code completion} directly: the
     * producer's path, where a future per call and its dependent stage were a good part of what the component
     * allocates per message. Never throws; exactly one of the completion's methods is called, once.
     */
    public void send(GraphRequest request, Completion completion) {
        Objects.requireNonNull(completion, "completion");
        if (request == null) {
            failNow(completion, new MessengerException("No Graph API request given"));
            return;
        }
        GraphCall call;
        try {
            GraphTarget.checkPath(request.path());
            call = new GraphCall(this, request, completion);
        } catch (RuntimeException e) {
            failNow(completion, cannotSend(request, e));
            return;
        }
        try {
            call.start();
        } catch (RuntimeException e) {
            call.fail(cannotSend(request, e));
        }
    }

    private static void failNow(Completion completion, Throwable failure) {
        try {
            completion.failed(failure);
        } catch (RuntimeException e) {
            LOG.warn("Completion of a Graph API call that could not start failed", e);
        }
    }

    private static MessengerException cannotSend(GraphRequest request, RuntimeException e) {
        return e instanceof MessengerException m ? m
                : new MessengerException("Cannot send Graph API call " + request.method() + " " + request.path()
                                         + ": " + Redaction.redact(e.getMessage()), e);
    }

    /** The outcome of one {@link #send(GraphRequest, Completion)}: one of the two is called, once. */
    public interface Completion {
        /** The 2xx answer, on a Vert.x event loop. */
        void succeeded(GraphResponse response);

        /**
         * A {@link io.github.camelmessenger.MessengerApiException} or a {@link MessengerException}, on a Vert.x event
         * loop or on the caller's thread when the call could not even start.
         */
        void failed(Throwable failure);
    }

    /** The Authorization header value and the proof for a token/secret pair, computed once and cached. */
    Credentials credentials(String accessToken, String appSecret) {
        Credentials last = lastCredentials;
        if (last != null && last.matches(accessToken, appSecret)) {
            return last;
        }
        String key = accessToken == null ? "" : accessToken;
        Credentials cached = credentials.get(key);
        if (cached == null || !cached.matches(accessToken, appSecret)) {
            cached = new Credentials(accessToken, appSecret);
            if (credentials.size() >= CREDENTIAL_CACHE_LIMIT) {
                // many tokens churning (token rotation, thousands of Pages): start over rather than grow unbounded
                credentials.clear();
            }
            credentials.put(key, cached);
        }
        lastCredentials = cached;
        return cached;
    }

    /**
     * The Vert.x request options of a call: method, URI and headers. The Send API hits one path per token over and
     * over, so the options of the last query-less call are kept with the credentials and shared by the calls that
     * follow (Vert.x only reads them), rather than built, with a header map of their own, per call.
     */
    RequestOptions requestOptions(GraphRequest request, Credentials credentials) {
        Credentials.Prepared last = credentials.lastRequest;
        if (last != null && last.matches(request)) {
            return last.options;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setURI(requestUri(request, credentials));
        if (credentials.authorization != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, credentials.authorization);
        }
        if (request.contentType() != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, request.contentType());
        }
        if (request.query().isEmpty()) {
            credentials.lastRequest = new Credentials.Prepared(request.method(), request.path(), request.contentType(),
                    options);
        }
        return options;
    }

    /** Builds {@code /{version}/{path}?{query}&appsecret_proof=...}. */
    String requestUri(GraphRequest request, Credentials credentials) {
        String path = request.path();
        Map<String, String> query = request.query();
        String proof = credentials.appSecretProof;
        if (query.isEmpty() && proof == null) {
            return uriPrefix.concat(path);
        }
        return buildUri(path, query, proof);
    }

    private String buildUri(String path, Map<String, String> query, String proof) {
        StringBuilder sb = new StringBuilder(uriPrefix.length() + path.length() + 96).append(uriPrefix).append(path);
        char separator = path.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> e : query.entrySet()) {
            sb.append(separator);
            appendEncoded(sb, e.getKey());
            sb.append('=');
            appendEncoded(sb, e.getValue());
            separator = '&';
        }
        if (proof != null) {
            sb.append(separator).append("appsecret_proof=").append(proof);
        }
        return sb.toString();
    }

    private static void appendEncoded(StringBuilder sb, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                  || c == '.' || c == '~' || c == ',')) {
                sb.append(URLEncoder.encode(s, StandardCharsets.UTF_8));
                return;
            }
        }
        sb.append(s);
    }

    /** This client's interval between paced calls of a class. */
    long paceInterval(RateClass rateClass) {
        return rateClass == null || rateClass == RateClass.NONE ? 0 : paceIntervals[rateClass.ordinal()];
    }

    /** Closes the HTTP client; calls waiting for a retry fail at once, later calls fail without being sent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (GraphCall call : waitingForRetry.keySet()) {
            call.abortRetry();
        }
        if (deadlines != null) {
            deadlines.close();
        }
        http.close();
        LOG.debug("Graph API client for {} closed", server);
    }

    static final class Credentials {
        final String accessToken;
        final String appSecret;
        /** {@code Bearer <token>}, or {@code null} without a token. */
        final String authorization;
        /** The proof, or {@code null} when there is no secret (or no token to prove). */
        final String appSecretProof;

        Credentials(String accessToken, String appSecret) {
            this.accessToken = accessToken;
            this.appSecret = appSecret;
            this.authorization = accessToken == null ? null : "Bearer ".concat(accessToken);
            this.appSecretProof = accessToken == null || appSecret == null || appSecret.isEmpty()
                    ? null : AppSecretProof.of(appSecret, accessToken);
        }

        /**
         * The request options of the last query-less call made with these credentials: never changed once set here,
         * as calls on any event loop may be using them.
         */
        volatile Prepared lastRequest;

        record Prepared(String method, String path, String contentType, RequestOptions options) {
            boolean matches(GraphRequest request) {
                return path.equals(request.path()) && method.equals(request.method())
                       && Objects.equals(contentType, request.contentType()) && request.query().isEmpty();
            }

            /** The options carry the Authorization header: never shown. */
            @Override
            public String toString() {
                return "Prepared[" + method + " " + path + "]";
            }
        }

        boolean matches(String token, String secret) {
            return Objects.equals(accessToken, token) && Objects.equals(appSecret, secret);
        }

        @Override
        public String toString() {
            return "Credentials[***]";
        }
    }
}
