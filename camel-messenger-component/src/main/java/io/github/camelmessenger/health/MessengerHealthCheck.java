package io.github.camelmessenger.health;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * A health check of the messenger components, in Camel's health check registry (so in Camel Main's
 * {@code /observe/health} and Spring Boot's actuator health). Implemented on camel-api alone: camel-health, which
 * provides the registry, is the runtime's choice.
 */
public abstract class MessengerHealthCheck implements HealthCheck {

    private final String id;
    private final boolean liveness;
    private volatile boolean enabled = true;

    protected MessengerHealthCheck(String id, boolean liveness) {
        this.id = id;
        this.liveness = liveness;
    }

    @Override
    public String getGroup() {
        return "messenger";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return liveness;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        try {
            check(builder);
        } catch (RuntimeException e) {
            builder.down().error(e).message(e.getMessage());
        }
        return builder.build();
    }

    /** Sets the state (and details) on the builder. */
    protected abstract void check(HealthCheckResultBuilder builder);

    /** Registers the check when the context has a health check registry; returns whether it did. */
    public boolean register(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        return registry != null && registry.register(this);
    }

    public void unregister(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registry.unregister(this);
        }
    }
}
