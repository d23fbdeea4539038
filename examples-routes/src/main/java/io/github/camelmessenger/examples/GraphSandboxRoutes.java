package io.github.camelmessenger.examples;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.builder.RouteBuilder;

/**
 * A local stand-in for the Send API, so the example runs on a machine without a Facebook app. It answers what the
 * platform answers for a successful send and logs each request. Disabled with {@code example.sandbox.enabled=false}.
 */
public class GraphSandboxRoutes extends RouteBuilder {

    private static final int KEEP = 100;

    private final AtomicLong sent = new AtomicLong();
    private final Deque<String> received = new ConcurrentLinkedDeque<>();

    @Override
    public void configure() {
        // tests and curious users can look at what the bot sent
        getContext().getRegistry().bind("graphSandbox", this);
        from("platform-http:/sandbox/v25.0/{page}/{edge}?httpMethodRestrict=POST")
                .routeId("graph-sandbox").autoStartup("{{example.sandbox.enabled}}")
                .convertBodyTo(String.class)
                .log("sandbox received a Send API call: ${body}")
                .process(exchange -> {
                    received.addLast(exchange.getMessage().getBody(String.class));
                    while (received.size() > KEEP) {
                        received.pollFirst();
                    }
                    boolean threadControl = exchange.getMessage().getHeader("edge", "", String.class)
                            .endsWith("thread_control");
                    exchange.getMessage().removeHeaders("*");
                    exchange.getMessage().setHeader("Content-Type", "application/json");
                    exchange.getMessage().setBody(threadControl ? "{\"success\":true}"
                            : "{\"recipient_id\":\"sandbox-user\",\"message_id\":\"m_sandbox_" + sent.incrementAndGet()
                              + "\"}");
                });
    }

    /** The latest request bodies the sandbox received, oldest first. */
    public List<String> received() {
        return List.copyOf(received);
    }
}
