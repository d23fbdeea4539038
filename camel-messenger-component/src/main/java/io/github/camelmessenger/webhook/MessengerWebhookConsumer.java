package io.github.camelmessenger.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerEndpoint;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Messenger webhook over Camel's platform-http, on whatever engine the runtime provides (Vert.x in Camel
 * Main, the servlet engine in Spring Boot), and turns each delivered event into an exchange.
 */
public class MessengerWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(MessengerWebhookConsumer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpIngress ingress;

    public MessengerWebhookConsumer(MessengerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MessengerEndpoint getEndpoint() {
        return (MessengerEndpoint) super.getEndpoint();
    }

    @Override
    public boolean isHostedService() {
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MessengerConfiguration config = getEndpoint().getConfiguration();
        String path = path(config);
        SignatureVerifier verifier = verifier(config, path);
        if (config.getVerifyToken() == null) {
            LOG.warn("Webhook {}: no verifyToken is set, so every subscription handshake (GET) is refused", path);
        }
        EventTypeFilter filter = EventTypeFilter.of(config.getEventTypes());
        IdempotentRepository repository = config.getIdempotentRepository();
        if (repository != null) {
            if (repository instanceof CamelContextAware aware && aware.getCamelContext() == null) {
                aware.setCamelContext(getEndpoint().getCamelContext());
            }
            // the repository may be shared by other routes: started here if needed, left to its owner to stop
            ServiceHelper.startService(repository);
        }
        EventDispatcher dispatcher = new EventDispatcher(this, repository);
        EventSink sink = new ProcessThenAcknowledge(dispatcher, path);
        WebhookProtocol protocol = new WebhookProtocol(new VerifyTokenHandshake(config.getVerifyToken()), verifier,
                new DeliveryParser(MAPPER), filter, sink);

        ingress = HttpIngresses.create(getEndpoint().getCamelContext(), this, path, protocol, config.getMaxBodySize());
        ingress.start();
        LOG.info("Webhook listening on path {} via {} (event types: {})", path, ingress.description(),
                filter.accepted());
    }

    @Override
    protected void doStop() throws Exception {
        // no new deliveries first
        if (ingress != null) {
            ingress.stop();
            ingress = null;
        }
        super.doStop();
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
}
