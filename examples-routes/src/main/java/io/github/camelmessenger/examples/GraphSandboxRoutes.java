package io.github.camelmessenger.examples;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;

/**
 * A local stand-in for the Send API, so the example runs on a machine without a Facebook app. It answers what the
 * platform answers for a successful send and logs each request. Disabled with {@code example.sandbox.enabled=false}.
 */
public class GraphSandboxRoutes extends RouteBuilder {

    private final AtomicLong sent = new AtomicLong();

    @Override
    public void configure() {
        from("platform-http:/sandbox/v25.0/{page}/messages?httpMethodRestrict=POST")
                .routeId("graph-sandbox").autoStartup("{{example.sandbox.enabled}}")
                .log("sandbox received a Send API call: ${body}")
                .process(exchange -> {
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader("Content-Type", "application/json");
                    exchange.getMessage().setBody("{\"recipient_id\":\"sandbox-user\",\"message_id\":\"m_sandbox_"
                                                  + sent.incrementAndGet() + "\"}");
                });
    }

    /** How many sends the sandbox has answered. */
    public long sent() {
        return sent.get();
    }
}
