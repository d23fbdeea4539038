package io.github.camelmessenger;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphClientOptions;
import io.github.camelmessenger.internal.graph.PageRateLimiter;

import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import io.vertx.core.Vertx;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.PropertiesHelper;

/** The {@code messenger} component: Facebook Messenger Platform Send API producer and webhook consumer. */
@Component("messenger")
public class MessengerComponent extends DefaultComponent {

    @Metadata(description = "The shared configuration; every endpoint starts from a copy of it.")
    private MessengerConfiguration configuration = new MessengerConfiguration();
    @Metadata(label = "advanced", autowired = true,
              description = "The clock for the 24-hour window, waits and their expiry; autowired when the registry "
                            + "holds exactly one java.time.Clock (e.g. a sandbox's clock that can jump ahead). "
                            + "Default: the system clock.")
    private Clock clock;

    private Vertx ownVertx;
    private ConversationStateRepository defaultState;
    /** Shared by all endpoints, so that every send of one Page counts against the same budget. */
    private final Map<String, PageRateLimiter> rateLimiters = new ConcurrentHashMap<>();

    public MessengerComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MessengerOperation operation;
        try {
            operation = MessengerOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown messenger operation '" + remaining + "' in " + uri + "; known: "
                                               + java.util.Arrays.toString(MessengerOperation.values()));
        }
        MessengerConfiguration config = configuration.copy();
        MessengerEndpoint endpoint = new MessengerEndpoint(uri, this, operation, config);
        Map<String, Object> tokens = PropertiesHelper.extractProperties(parameters, "pageAccessToken.");
        setProperties(endpoint, parameters);
        tokens.forEach((page, token) -> config.getPageAccessTokens().put(page, String.valueOf(token)));
        return endpoint;
    }

    /**
     * The Vert.x instance HTTP calls run on: the configured one, else one the component creates on first use and
     * closes when it stops.
     */
    synchronized Vertx vertx(MessengerConfiguration endpointConfiguration) {
        if (endpointConfiguration.getVertx() != null) {
            return endpointConfiguration.getVertx();
        }
        if (configuration.getVertx() != null) {
            return configuration.getVertx();
        }
        if (ownVertx == null) {
            ownVertx = Vertx.vertx();
        }
        return ownVertx;
    }

    /**
     * Where waits and last inbound times live for an endpoint: its own repository, the component's, or one in-memory
     * repository shared by every endpoint of this component, so the producer's waits reach the consumer.
     */
    public synchronized ConversationStateRepository stateRepository(MessengerConfiguration endpointConfiguration) {
        ConversationStateRepository repository = endpointConfiguration.getStateRepository();
        if (repository == null) {
            repository = configuration.getStateRepository();
        }
        if (repository == null) {
            if (defaultState == null) {
                defaultState = new InMemoryConversationStateRepository();
            }
            repository = defaultState;
        }
        ServiceHelper.startService(repository);
        return repository;
    }

    /** A Graph API client for one endpoint's configuration; the caller closes it. */
    GraphClient graphClient(MessengerConfiguration config) {
        Vertx vertx = vertx(config);
        GraphClientOptions options = GraphClientOptions.builder()
                .baseUri(config.getBaseUri())
                .apiVersion(config.getApiVersion())
                .connectTimeoutMillis(config.getConnectTimeout())
                .requestTimeoutMillis(config.getRequestTimeout())
                .maxConnections(config.getMaxConnections())
                .maxRetries(config.getMaxRetries())
                .retryDelayMillis(config.getRetryDelay())
                .rateLimitRetryDelayMillis(config.getRateLimitRetryDelay())
                .maxRetryDelayMillis(config.getMaxRetryDelay())
                .build();
        PageRateLimiter limiter = null;
        if (config.isRateLimitEnabled()) {
            limiter = rateLimiters.computeIfAbsent(config.getRateLimit() + "/" + config.getMediaRateLimit(),
                    k -> new PageRateLimiter(vertx, config.getRateLimit(), config.getMediaRateLimit()));
        }
        return new GraphClient(vertx, options, limiter);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        resolveClock();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        Vertx v;
        synchronized (this) {
            v = ownVertx;
            ownVertx = null;
        }
        rateLimiters.clear();
        ServiceHelper.stopService(defaultState);
        if (v != null) {
            v.close();
        }
    }

    /**
     * The clock every time-dependent decision of this component reads: the option, else the one Clock in the
     * registry when this component started (also one bound after it was created, e.g. by a test kit), else the
     * system clock.
     */
    public Clock clock() {
        Clock c = clock;
        return c != null ? c : Clock.systemUTC();
    }

    private void resolveClock() {
        if (clock == null) {
            clock = CamelContextHelper.findSingleByType(getCamelContext(), Clock.class);
        }
    }

    public Clock getClock() {
        return clock;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }

    public MessengerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessengerConfiguration configuration) {
        this.configuration = configuration;
    }
}
