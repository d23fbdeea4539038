package io.github.camelmessenger.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

/**
 * The meters on a Micrometer registry. Loaded only when Micrometer is on the classpath. Each counter is looked up in
 * the registry once per tag value and kept: the registry's lookup builds and sorts the meter's id on every call, more
 * work than the increment, and a send would pay it on every message.
 */
final class MicrometerMeters implements MessengerMeters {

    private final MeterRegistry registry;
    private final Counter retries;
    /** The sends counter by operation, then by outcome. */
    private final Map<String, Map<String, Counter>> sends = new ConcurrentHashMap<>();
    private final Map<String, Counter> graphErrors = new ConcurrentHashMap<>();
    private final Map<String, Counter> webhookEvents = new ConcurrentHashMap<>();
    private final Map<String, Counter> webhookRejected = new ConcurrentHashMap<>();
    private final Map<String, Counter> otnTokens = new ConcurrentHashMap<>();
    private final Map<String, Counter> waits = new ConcurrentHashMap<>();

    private MicrometerMeters(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder(RETRIES).description("Graph API calls sent again").register(registry);
    }

    private Counter counter(Map<String, Counter> byValue, String name, String tag, String value) {
        Counter counter = byValue.get(value);
        return counter != null ? counter : byValue.computeIfAbsent(value, v -> registry.counter(name, tag, v));
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
        Map<String, Counter> byOutcome = sends.get(operation);
        if (byOutcome == null) {
            byOutcome = sends.computeIfAbsent(operation, o -> new ConcurrentHashMap<>());
        }
        Counter counter = byOutcome.get(outcome);
        if (counter == null) {
            counter = byOutcome.computeIfAbsent(outcome,
                    o -> registry.counter(SENDS, "operation", operation, "outcome", o));
        }
        counter.increment();
    }

    @Override
    public void graphError(int code) {
        counter(graphErrors, GRAPH_ERRORS, "code", String.valueOf(code)).increment();
    }

    @Override
    public void retry() {
        retries.increment();
    }

    @Override
    public void webhookEvent(String type) {
        counter(webhookEvents, WEBHOOK_EVENTS, "type", type).increment();
    }

    @Override
    public void webhookRejected(String reason) {
        counter(webhookRejected, WEBHOOK_REJECTED, "reason", reason).increment();
    }

    @Override
    public void otnToken(String state) {
        counter(otnTokens, OTN_TOKENS, "state", state).increment();
    }

    @Override
    public void waits(String state) {
        counter(waits, WAITS, "state", state).increment();
    }
}
