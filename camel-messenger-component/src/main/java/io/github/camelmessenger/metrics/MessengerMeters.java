package io.github.camelmessenger.metrics;

import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the components count, under {@code camel.messenger.*}. With Micrometer on the classpath and a
 * {@code MeterRegistry} in the Camel registry (as camel-micrometer finds it; Spring Boot binds its own) the counts
 * become Micrometer counters; otherwise they go nowhere and cost nothing.
 */
public interface MessengerMeters {

    String SENDS = "camel.messenger.sends";
    String GRAPH_ERRORS = "camel.messenger.graph.errors";
    String RETRIES = "camel.messenger.retries";
    String WEBHOOK_EVENTS = "camel.messenger.webhook.events";
    String WEBHOOK_REJECTED = "camel.messenger.webhook.rejected";
    String OTN_TOKENS = "camel.messenger.otn.tokens";
    String WAITS = "camel.messenger.waits";

    /** Counts nothing. */
    MessengerMeters NONE = new MessengerMeters() {
    };

    /** A finished send: tags operation and outcome ({@code success}, or the failure's kind). */
    default void send(String operation, String outcome) {
    }

    /** An error answer of the Graph API, tagged with its code. */
    default void graphError(int code) {
    }

    /** A Graph API call sent again. */
    default void retry() {
    }

    /** A webhook event handed to a route, tagged with its type. */
    default void webhookEvent(String type) {
    }

    /** A webhook delivery or item refused: {@code signature}, {@code size} or {@code malformed}. */
    default void webhookRejected(String reason) {
    }

    /** A one-time notification token {@code captured}, {@code consumed}, {@code retired} or {@code released}. */
    default void otnToken(String state) {
    }

    /** A wait {@code set}, {@code resolved} or {@code expired}. */
    default void waits(String state) {
    }

    /** The meters of a context: Micrometer's when it and a single MeterRegistry are there, else {@link #NONE}. */
    static MessengerMeters of(CamelContext context) {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, MessengerMeters.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return NONE;
        }
        MessengerMeters meters = MicrometerMeters.of(context);
        if (meters != null) {
            LoggerFactory.getLogger(MessengerMeters.class).debug("Messenger meters on the registry's MeterRegistry");
        }
        return meters == null ? NONE : meters;
    }
}
