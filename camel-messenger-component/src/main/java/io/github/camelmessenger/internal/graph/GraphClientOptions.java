package io.github.camelmessenger.internal.graph;

import java.net.URI;
import java.util.Objects;

/** The settings of a {@link GraphClient}; immutable, made with {@link #builder()}. */
public final class GraphClientOptions {

    private final String baseUri;
    private final String apiVersion;
    private final long connectTimeoutMillis;
    private final long requestTimeoutMillis;
    private final int maxConnections;
    private final int maxRetries;
    private final long retryDelayMillis;
    private final long rateLimitRetryDelayMillis;
    private final long maxRetryDelayMillis;
    private final long callTimeoutMillis;
    private final int rateLimit;
    private final int mediaRateLimit;
    private final int maxQueuedSends;
    private final Runnable retryListener;
    private final boolean retryAmbiguous;

    private GraphClientOptions(Builder b) {
        this.baseUri = b.baseUri;
        this.apiVersion = b.apiVersion;
        this.connectTimeoutMillis = b.connectTimeoutMillis;
        this.requestTimeoutMillis = b.requestTimeoutMillis;
        this.maxConnections = b.maxConnections;
        this.maxRetries = b.maxRetries;
        this.retryDelayMillis = b.retryDelayMillis;
        this.rateLimitRetryDelayMillis = b.rateLimitRetryDelayMillis;
        this.maxRetryDelayMillis = b.maxRetryDelayMillis;
        this.callTimeoutMillis = b.callTimeoutMillis;
        this.rateLimit = b.rateLimit;
        this.mediaRateLimit = b.mediaRateLimit;
        this.maxQueuedSends = b.maxQueuedSends;
        this.retryListener = b.retryListener;
        this.retryAmbiguous = b.retryAmbiguous;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: Meta's Graph API, v25.0. */
    public static GraphClientOptions defaults() {
        return builder().build();
    }

    /** Scheme, host, optional port and optional path prefix, e.g. {@code https://graph.facebook.com}. */
    public String getBaseUri() {
        return baseUri;
    }

    /** e.g. {@code v25.0}; empty for a base URI that already includes the version. */
    public String getApiVersion() {
        return apiVersion;
    }

    public long getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /**
     * How long an attempt may wait for the answer without receiving anything (for the Graph API's small answers,
     * the time to the whole answer).
     */
    public long getRequestTimeoutMillis() {
        return requestTimeoutMillis;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /** Extra attempts after the first one, for retryable failures only. */
    public int getMaxRetries() {
        return maxRetries;
    }

    public long getRetryDelayMillis() {
        return retryDelayMillis;
    }

    public long getRateLimitRetryDelayMillis() {
        return rateLimitRetryDelayMillis;
    }

    public long getMaxRetryDelayMillis() {
        return maxRetryDelayMillis;
    }

    /** The longest a whole call may take, pacing and retries included; 0 for no limit. */
    public long getCallTimeoutMillis() {
        return callTimeoutMillis;
    }

    /** Paced calls per second and Page (this client's share of the Page's one schedule); 0: not paced. */
    public int getRateLimit() {
        return rateLimit;
    }

    /** The most calls that may wait for a Page's rate limit, and for a connection; more are refused at once. */
    public int getMaxQueuedSends() {
        return maxQueuedSends;
    }

    /** Told of each retry (the retries meter). */
    public Runnable getRetryListener() {
        return retryListener;
    }

    /** The same for calls that carry audio or video. */
    public int getMediaRateLimit() {
        return mediaRateLimit;
    }

    /** Whether a call that may have reached the platform is sent again (risking a duplicate message). */
    public boolean isRetryAmbiguous() {
        return retryAmbiguous;
    }

    @Override
    public String toString() {
        return "GraphClientOptions[baseUri=" + baseUri + ", apiVersion=" + apiVersion + ", connectTimeoutMillis="
               + connectTimeoutMillis + ", requestTimeoutMillis=" + requestTimeoutMillis + ", maxConnections="
               + maxConnections + ", maxRetries=" + maxRetries + ", retryDelayMillis=" + retryDelayMillis
               + ", rateLimitRetryDelayMillis=" + rateLimitRetryDelayMillis + ", maxRetryDelayMillis="
               + maxRetryDelayMillis + ", callTimeoutMillis=" + callTimeoutMillis + ", retryAmbiguous=" + retryAmbiguous
               + "]";
    }

    public static final class Builder {

        private String baseUri = "https://graph.facebook.com";
        private String apiVersion = "v25.0";
        private long connectTimeoutMillis = 10_000;
        private long requestTimeoutMillis = 60_000;
        private int maxConnections = 100;
        private int maxRetries = 3;
        private long retryDelayMillis = 500;
        private long rateLimitRetryDelayMillis = 5_000;
        private long maxRetryDelayMillis = 60_000;
        private long callTimeoutMillis = 120_000;
        private boolean retryAmbiguous;
        private int rateLimit = 300;
        private int mediaRateLimit = 10;
        private int maxQueuedSends = PageRateLimiter.DEFAULT_MAX_QUEUED;
        private Runnable retryListener = () -> { };

        public Builder retryListener(Runnable listener) {
            this.retryListener = listener == null ? () -> { } : listener;
            return this;
        }

        private Builder() {
        }

        public Builder maxQueuedSends(int max) {
            this.maxQueuedSends = max;
            return this;
        }

        public Builder rateLimit(int perSecond) {
            this.rateLimit = perSecond;
            return this;
        }

        public Builder mediaRateLimit(int perSecond) {
            this.mediaRateLimit = perSecond;
            return this;
        }

        public Builder callTimeoutMillis(long callTimeoutMillis) {
            this.callTimeoutMillis = callTimeoutMillis;
            return this;
        }

        public Builder retryAmbiguous(boolean retryAmbiguous) {
            this.retryAmbiguous = retryAmbiguous;
            return this;
        }

        public Builder baseUri(String baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion == null ? "" : apiVersion;
            return this;
        }

        public Builder connectTimeoutMillis(long connectTimeoutMillis) {
            this.connectTimeoutMillis = connectTimeoutMillis;
            return this;
        }

        public Builder requestTimeoutMillis(long requestTimeoutMillis) {
            this.requestTimeoutMillis = requestTimeoutMillis;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public Builder retryDelayMillis(long retryDelayMillis) {
            this.retryDelayMillis = retryDelayMillis;
            return this;
        }

        public Builder rateLimitRetryDelayMillis(long rateLimitRetryDelayMillis) {
            this.rateLimitRetryDelayMillis = rateLimitRetryDelayMillis;
            return this;
        }

        public Builder maxRetryDelayMillis(long maxRetryDelayMillis) {
            this.maxRetryDelayMillis = maxRetryDelayMillis;
            return this;
        }

        public GraphClientOptions build() {
            URI uri;
            try {
                uri = URI.create(baseUri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("baseUri is not a valid URI: " + baseUri, e);
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUri must be an http or https URI with a host: " + baseUri);
            }
            if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("baseUri must carry neither a query nor user info");
            }
            requirePositive("connectTimeoutMillis", connectTimeoutMillis);
            requirePositive("requestTimeoutMillis", requestTimeoutMillis);
            requirePositive("maxConnections", maxConnections);
            requireNotNegative("maxRetries", maxRetries);
            requireNotNegative("retryDelayMillis", retryDelayMillis);
            requireNotNegative("rateLimitRetryDelayMillis", rateLimitRetryDelayMillis);
            requireNotNegative("maxRetryDelayMillis", maxRetryDelayMillis);
            if (connectTimeoutMillis > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("connectTimeoutMillis is too large: " + connectTimeoutMillis);
            }
            return new GraphClientOptions(this);
        }

        private static void requirePositive(String name, long value) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be greater than 0, was " + value);
            }
        }

        private static void requireNotNegative(String name, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
        }
    }
}
