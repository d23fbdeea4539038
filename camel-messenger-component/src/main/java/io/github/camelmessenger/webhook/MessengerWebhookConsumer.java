package io.github.camelmessenger.webhook;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerEndpoint;
import io.github.camelmessenger.health.WebhookHealthCheck;
import io.github.camelmessenger.metrics.MessengerMeters;
import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.webhook.inbox.WebhookInbox;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Messenger webhook over Camel's platform-http, on whatever engine the runtime provides (Vert.x in Camel
 * Main, the servlet engine in Spring Boot), and turns each delivered event into an exchange.
 * <p>
 * Without an inbox a delivery is answered once its events went through the route; with one (option {@code inbox})
 * it is answered once stored, and this node's {@link InboxWorkers} run the stored events.
 */
@ManagedResource(description = "Messenger webhook consumer")
public class MessengerWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerWebhookConsumer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpIngress ingress;
    private InboxWorkers inboxWorkers;
    private ExecutorService executor;
    private ScheduledExecutorService sweeper;
    private ScheduledExecutorService deadlines;
    private ProcessThenAcknowledge acknowledgement;
    private WebhookHealthCheck healthCheck;
    private volatile MalformedItems malformed;

    public MessengerWebhookConsumer(MessengerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MessengerEndpoint getEndpoint() {
        return (MessengerEndpoint) super.getEndpoint();
    }

    /** Items of deliveries that were dropped as malformed (no sender or recipient) since the consumer started. */
    @ManagedAttribute(description = "Webhook items dropped as malformed (no sender or recipient)")
    public long getMalformedEvents() {
        MalformedItems m = malformed;
        return m == null ? 0 : m.count();
    }

    @Override
    public boolean isHostedService() {
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        CamelContext context = getEndpoint().getCamelContext();
        MessengerConfiguration config = getEndpoint().getConfiguration();
        String path = path(config);
        if (config.getMaxBodySize() < 1) {
            throw new IllegalArgumentException("messenger:webhook: option maxBodySize must be positive, got "
                                               + config.getMaxBodySize());
        }
        malformed = new MalformedItems(path);
        SignatureVerifier verifier = verifier(config, path);
        if (config.getVerifyToken() == null) {
            LOG.warn("Webhook {}: no verifyToken is set, so every subscription handshake (GET) is refused", path);
        } else if (config.getVerifyToken().isBlank()) {
            // an empty property placeholder, most likely: a handshake with an empty token must not pass
            throw new IllegalArgumentException("messenger:webhook (path " + path + "): option verifyToken is empty; "
                                               + "set the token the platform's subscription handshake presents, or "
                                               + "leave the option out to refuse every handshake");
        }
        EventTypeFilter filter = EventTypeFilter.of(config.getEventTypes());
        IdempotentRepository repository = start(context, config.getIdempotentRepository());
        getEndpoint().getComponent().supplyDataSource(config.getInbox());
        WebhookInbox inbox = start(context, config.getInbox());
        DeliveryParser parser = new DeliveryParser(MAPPER);
        ExecutorServiceManager executors = context.getExecutorServiceManager();
        ConversationStateRepository state = getEndpoint().getComponent().stateRepository(config);
        ConversationTracker tracker = new ConversationTracker(state, getEndpoint().getComponent().clock());

        EventSink sink;
        if (inbox == null) {
            if (config.getDeliveryTimeout() < 1) {
                throw new IllegalArgumentException("messenger:webhook: option deliveryTimeout must be positive, got "
                                                   + config.getDeliveryTimeout());
            }
            if (config.getDeliveryTimeout() >= 5000) {
                LOG.warn("Webhook {}: deliveryTimeout is {} ms; the platform stops waiting after 5000 ms, so a later "
                         + "answer is lost and the delivery comes again anyway", path, config.getDeliveryTimeout());
            }
            executor = executors.newThreadPool(this, "MessengerWebhook", continuationPool(executors));
            deadlines = executors.newSingleThreadScheduledExecutor(this, "MessengerWebhookDeadline");
            acknowledgement = new ProcessThenAcknowledge(new EventDispatcher(this, repository, tracker, executor), path,
                    config.getDeliveryTimeout(), deadlines, executor);
            sink = acknowledgement;
        } else {
            InboxWorkers.Settings settings = new InboxWorkers.Settings(path, UUID.randomUUID().toString(),
                    config.getInboxConcurrency(), config.getInboxPollDelay(), config.getInboxLeaseTime(),
                    config.getInboxEventTimeout(),
                    new RedeliveryPolicy(config.getMaximumRedeliveries(), config.getRedeliveryDelay(),
                            config.getBackOffMultiplier(), config.getMaximumRedeliveryDelay()));
            executor = executors.newFixedThreadPool(this, "MessengerWebhookInbox", settings.concurrency());
            inboxWorkers = new InboxWorkers(inbox, new EventDispatcher(this, repository, tracker, executor), parser, MAPPER,
                    settings, executors, executors.newSingleThreadScheduledExecutor(this, "MessengerWebhookInboxPoll"),
                    executor);
            sink = new StoreThenAcknowledge(inbox, path, MAPPER, inboxWorkers::wakeUp);
        }
        WebhookProtocol protocol = new WebhookProtocol(new VerifyTokenHandshake(config.getVerifyToken()), verifier,
                parser, filter, sink, malformed, config.getMaxBodySize(), meters());
        if (inboxWorkers != null) {
            inboxWorkers.start();
        }
        if (filter.accepted().contains(MessengerEventType.WAIT_EXPIRED)) {
            sweeper = executors.newSingleThreadScheduledExecutor(this, "MessengerWaitExpiry");
            new WaitExpirySweeper(this, state, MAPPER, getEndpoint().getComponent().clock()).schedule(sweeper, config.getWaitExpiryInterval());
        }
        try {
            ingress = HttpIngresses.create(context, this, path, protocol, config.getMaxBodySize());
            ingress.start();
        } catch (Exception e) {
            // no workers left running for a consumer that never served
            doStop();
            throw e;
        }
        healthCheck = new WebhookHealthCheck(path, this::isStarted, inbox);
        healthCheck.register(getEndpoint().getCamelContext());
        LOG.info("Webhook listening on path {} via {} (event types: {}{})", path, ingress.description(),
                filter.accepted(), inbox == null ? "" : ", inbox " + inbox);
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            healthCheck.unregister(getEndpoint().getCamelContext());
            healthCheck = null;
        }
        // no new deliveries first, then let running events finish
        if (ingress != null) {
            ingress.stop();
            ingress = null;
        }
        if (sweeper != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(sweeper);
            sweeper = null;
        }
        if (acknowledgement != null) {
            // the deliveries in progress still need the continuation pool and the deadlines
            acknowledgement.drain(drainTimeoutMillis());
            acknowledgement = null;
        }
        if (deadlines != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(deadlines);
            deadlines = null;
        }
        if (inboxWorkers != null) {
            inboxWorkers.stop(drainTimeoutMillis());
            inboxWorkers = null;
            executor = null;
        }
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(executor);
            executor = null;
        }
        super.doStop();
    }

    /**
     * Runs the deliveries' events and the continuations after asynchronous completions: as many threads as the
     * default profile allows at most, and an unbounded queue that never rejects while running. A caller-runs policy
     * would run the overflow on the completing thread, often a Vert.x event loop, and silently drop it once the pool
     * is shut down.
     */
    private static ThreadPoolProfile continuationPool(ExecutorServiceManager executors) {
        ThreadPoolProfile profile = executors.getDefaultThreadPoolProfile().clone();
        profile.setId("MessengerWebhook");
        profile.setDefaultProfile(false);
        // with an unbounded queue a pool never grows past its core size
        profile.setPoolSize(Math.max(profile.getPoolSize(), profile.getMaxPoolSize()));
        // Camel reads 0 and less as "no queue"
        profile.setMaxQueueSize(Integer.MAX_VALUE);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        return profile;
    }

    private long drainTimeoutMillis() {
        var strategy = getEndpoint().getCamelContext().getShutdownStrategy();
        long millis = strategy.getTimeUnit().toMillis(strategy.getTimeout());
        // leave the shutdown strategy time to finish after us
        return Math.max(1000, Math.min(millis * 3 / 4, TimeUnit.SECONDS.toMillis(30)));
    }

    /** Starts a bean the options refer to; it may be shared, so it is left to its owner to stop. */
    private static <T> T start(CamelContext context, T service) {
        if (service instanceof CamelContextAware aware && aware.getCamelContext() == null) {
            aware.setCamelContext(context);
        }
        if (service != null) {
            ServiceHelper.startService(service);
        }
        return service;
    }

    private static String path(MessengerConfiguration config) {
        String path = config.getWebhookPath();
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("messenger:webhook: option webhookPath must not be empty");
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    private static SignatureVerifier verifier(MessengerConfiguration config, String path) {
        if (config.getAppSecret() != null && !config.getAppSecret().isEmpty()) {
            return new SignatureVerifier(config.getAppSecret());
        }
        if (!config.isAllowUnsigned()) {
            throw new IllegalArgumentException(
                    "messenger:webhook (path " + path + ") needs option appSecret to verify the X-Hub-Signature-256 "
                                               + "of every delivery; set allowUnsigned=true to accept unsigned "
                                               + "deliveries (development only)");
        }
        LOG.warn("Webhook {}: no appSecret is set and allowUnsigned=true, so deliveries are NOT verified: anyone who "
                 + "knows the URL can inject events. Set appSecret in production.", path);
        return null;
    }

    /** The component's meters (webhook events, refusals, waits). */
    MessengerMeters meters() {
        return getEndpoint().getComponent().meters();
    }
}
