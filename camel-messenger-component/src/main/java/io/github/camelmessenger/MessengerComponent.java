package io.github.camelmessenger;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.camelmessenger.internal.ContinuationPool;
import io.github.camelmessenger.internal.SecretOptions;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphClientOptions;
import io.github.camelmessenger.internal.graph.GraphTarget;
import io.github.camelmessenger.internal.graph.GraphTransport;
import io.github.camelmessenger.internal.operation.UserProfiles;
import io.github.camelmessenger.internal.send.PrivateReplies;
import io.github.camelmessenger.internal.validation.OptionValues;
import io.github.camelmessenger.internal.graph.PageRateLimiter;
import io.github.camelmessenger.jdbc.DataSourceAware;
import io.github.camelmessenger.metrics.MessengerMeters;
import io.github.camelmessenger.jdbc.DataSources;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import io.vertx.core.Vertx;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.CamelContextHelper;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.PropertiesHelper;

/** The {@code messenger} component: Facebook Messenger Platform Send API producer and webhook consumer. */
@Component("messenger")
public class MessengerComponent extends DefaultComponent implements SSLContextParametersAware {

    @Metadata(description = "The shared configuration; every endpoint starts from a copy of it.")
    private MessengerConfiguration configuration = new MessengerConfiguration();
    @Metadata(label = "advanced", autowired = true,
              description = "The clock for the 24-hour window, waits and their expiry; autowired when the registry "
                            + "holds exactly one java.time.Clock (e.g. a sandbox's clock that can jump ahead). "
                            + "Default: the system clock.")
    private Clock clock;
    @Metadata(label = "advanced", autowired = true,
              description = "The database of the JDBC stores configured without one: a JdbcConversationStateRepository"
                            + " (stateRepository) or JdbcWebhookInbox (inbox) created without a DataSource, e.g. "
                            + "stateRepository=#class:io.github.camelmessenger.state.JdbcConversationStateRepository."
                            + " When not set: the single DataSource in the registry. Setting it does not move "
                            + "conversation state into the database; stateRepository does.")
    private DataSource dataSource;

    @Metadata(label = "security", defaultValue = "false",
              description = "Enable usage of global SSL context parameters.")
    private boolean useGlobalSslContextParameters;

    private volatile MessengerMeters meters = MessengerMeters.NONE;
    private UserProfiles userProfiles;
    private PrivateReplies privateReplies;
    private Vertx ownVertx;
    private ContinuationPool continuations;
    private ConversationStateRepository defaultState;
    /** Shared by all endpoints, so that every send of one Page counts against the same budget. */
    private PageRateLimiter rateLimiter;

    public MessengerComponent() {
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        super.setCamelContext(camelContext);
        // before Camel Main binds and logs camel.component.messenger.* properties
        SecretOptions.registerWith(camelContext);
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
        GraphTarget.checkBaseUri(config.getBaseUri(), config.isAllowInsecureBaseUri());
        OptionValues.check(config);
        return endpoint;
    }

    /**
     * The Vert.x instance HTTP calls run on: the configured one, else the single one in the registry, else one the
     * component creates on first use and closes when it stops.
     */
    synchronized Vertx vertx(MessengerConfiguration endpointConfiguration) {
        if (endpointConfiguration.getVertx() != null) {
            return endpointConfiguration.getVertx();
        }
        if (configuration.getVertx() != null) {
            return configuration.getVertx();
        }
        // the runtime's own (platform-http on Vert.x, camel-vertx), as camel-vertx-http finds it: its event loops
        // then serve the webhook and the Graph calls alike
        Vertx registered = CamelContextHelper.findSingleByType(getCamelContext(), Vertx.class);
        if (registered != null) {
            return registered;
        }
        if (ownVertx == null) {
            ownVertx = Vertx.vertx();
        }
        return ownVertx;
    }

    /**
     * Where waits and last inbound times live for an endpoint: its own repository, else the one the component's
     * endpoints share ({@link #sharedStateRepository}), so the producer's waits reach the consumer. Started.
     */
    public synchronized ConversationStateRepository stateRepository(MessengerConfiguration endpointConfiguration) {
        ConversationStateRepository repository = endpointConfiguration.getStateRepository();
        if (repository == null) {
            return sharedStateRepository(null);
        }
        supplyDataSource(repository);
        ServiceHelper.startService(repository);
        return repository;
    }

    /**
     * The conversation state of the endpoints that configure none, started: the component's stateRepository, else
     * the component's default. The default is created on first use: from {@code preferredDefault} when the first
     * caller gives one (messenger-otn gives a JDBC repository on its database, so that its contacts and the 24-hour
     * window read the same last inbound times), else in memory.
     */
    public synchronized ConversationStateRepository sharedStateRepository(
            Supplier<? extends ConversationStateRepository> preferredDefault) {
        ConversationStateRepository repository = configuration.getStateRepository();
        if (repository == null) {
            if (defaultState == null) {
                defaultState = preferredDefault != null
                        ? preferredDefault.get() : new InMemoryConversationStateRepository();
            }
            repository = defaultState;
        }
        supplyDataSource(repository);
        ServiceHelper.startService(repository);
        return repository;
    }

    /**
     * Gives a JDBC store created without a DataSource (a {@link DataSourceAware} state repository or inbox) this
     * component's: the dataSource option, else the single DataSource in the registry.
     *
     * @throws IllegalArgumentException when the store needs one and the rule finds none
     */
    public void supplyDataSource(Object store) {
        if (store instanceof DataSourceAware aware && aware.getDataSource() == null) {
            aware.setDataSource(DataSources.require(getCamelContext(), dataSource, "messenger: " + store));
        }
    }

    private synchronized PageRateLimiter rateLimiter(Vertx vertx, MessengerConfiguration config) {
        if (rateLimiter == null) {
            rateLimiter = new PageRateLimiter(vertx, config.getRateLimit(), config.getMediaRateLimit())
                    .maxQueued(config.getMaxQueuedSends());
        }
        return rateLimiter;
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
                .callTimeoutMillis(config.getCallTimeout())
                .retryAmbiguous(config.isRetryAmbiguous())
                .rateLimit(config.getRateLimit())
                .mediaRateLimit(config.getMediaRateLimit())
                .maxQueuedSends(config.getMaxQueuedSends())
                .retryListener(() -> meters.retry())
                .build();
        PageRateLimiter limiter = null;
        if (config.isRateLimitEnabled()) {
            // one schedule per Page for the whole component: each endpoint's calls take their own interval on it
            limiter = rateLimiter(vertx, config);
        }
        SSLContextParameters ssl = config.getSslContextParameters();
        if (ssl == null && useGlobalSslContextParameters) {
            ssl = retrieveGlobalSslContextParameters();
        }
        return new GraphClient(vertx, options, limiter, GraphTransport.of(getCamelContext(), config.getProxyHost(),
                config.getProxyPort(), config.getProxyUsername(), config.getProxyPassword(), ssl));
    }

    /**
     * Where exchanges continue after a Graph API answer, unless the endpoint asks to stay on the event loop
     * ({@code continueOnEventLoop}): a pool of Camel's default thread pool profile, created on first use and shut
     * down with the component. A blocking step after a send then holds a pool thread, never the event loop that
     * carries every other send's I/O.
     */
    synchronized ContinuationPool continuations() {
        if (continuations == null) {
            ExecutorServiceManager threads = getCamelContext().getExecutorServiceManager();
            continuations = new ContinuationPool("MessengerProducerContinuation",
                    threads.getDefaultThreadPoolProfile().getMaxPoolSize(), threads::newThread);
        }
        return continuations;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        resolveClock();
        meters = MessengerMeters.of(getCamelContext());
    }

    /** The user profiles read by getUserProfile, kept per Page and user for userProfileCacheTtl. */
    synchronized UserProfiles userProfiles() {
        if (userProfiles == null) {
            userProfiles = new UserProfiles(clock());
        }
        return userProfiles;
    }

    /** The private replies the component's producers made: one per comment or post. */
    synchronized PrivateReplies privateReplies() {
        if (privateReplies == null) {
            privateReplies = new PrivateReplies(clock());
        }
        return privateReplies;
    }

    /** Where the component counts its sends, retries, webhook events and waits (nowhere without Micrometer). */
    public MessengerMeters meters() {
        return meters;
    }

    @Override
    protected void doStop() throws Exception {

        super.doStop();
        Vertx v;
        ContinuationPool pool;
        synchronized (this) {
            v = ownVertx;
            ownVertx = null;
            pool = continuations;
            continuations = null;
        }
        if (pool != null) {
            // as Camel's graceful shutdown of a pool: the queued continuations run, threads get 10 s to end
            pool.shutdown(10_000);
        }
        synchronized (this) {
            rateLimiter = null;
        }
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

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public MessengerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessengerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }
}
