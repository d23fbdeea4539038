package io.github.camelmessenger.metrics;

import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

/** The meters on a Micrometer registry. Loaded only when Micrometer is on the classpath. */
final class MicrometerMeters implements MessengerMeters {

    private final MeterRegistry registry;
    private final Counter retries;

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder(RETRIES).description("Graph API calls sent again").register(registry);
    }

    /** Null when the registry holds no MeterRegistry, or several and none named as camel-micrometer names it. */
    static MessengerMeters of(CamelContext context) {
        MeterRegistry registry = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            if (all.size() == 1) {
                registry = all.iterator().next();
            }
        }
        return registry == null ? null : new MicrometerMeters(registry);
    }

    @Override
    public void send(String operation, String outcome) {
        registry.counter(SENDS, "operation", operation, "outcome", outcome).increment();
    }

    @Override
    public void graphError(int code) {
        registry.counter(GRAPH_ERRORS, "code", String.valueOf(code)).increment();
    }

    @Override
    public void retry() {
        retries.increment();
    }

    @Override
    public void webhookEvent(String type) {
        registry.counter(WEBHOOK_EVENTS, "type", type).increment();
    }

    @Override
    public void webhookRejected(String reason) {
        registry.counter(WEBHOOK_REJECTED, "reason", reason).increment();
    }

    @Override
    public void otnToken(String state) {
        registry.counter(OTN_TOKENS, "state", state).increment();
    }

    @Override
    public void waits(String state) {
        registry.counter(WAITS, "state", state).increment();
    }
}
