package io.github.camelmessenger.benchmarks;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;

/**
 * The component: the payload's endpoint ({@code messenger:sendMessage}, {@code messenger:sendGenericTemplate}) driven
 * through its AsyncProducer directly (no route in between), with the body, headers and URI options a route would set.
 */
final class ComponentTarget implements SendTarget {

    private final CamelContext camel;
    private final Endpoint endpoint;
    private final AsyncProducer producer;

    private final Payload payload;

    ComponentTarget(int port, int maxConnections, Payload payload, boolean continueOnEventLoop) throws Exception {
        this.payload = payload;
        camel = new DefaultCamelContext();
        MessengerComponent component = new MessengerComponent();
        MessengerConfiguration config = component.getConfiguration();
        config.setBaseUri("http://127.0.0.1:" + port);
        config.setPageAccessToken(Payload.ACCESS_TOKEN);
        // The platform's 300 calls/s per Page pacing would otherwise be what this measures. -Dcomponent.rateLimit=N
        // turns the pacer on at N calls/s instead, to see what it costs when it is not the limit.
        Integer rateLimit = Integer.getInteger("component.rateLimit");
        config.setRateLimitEnabled(rateLimit != null);
        if (rateLimit != null) {
            config.setRateLimit(rateLimit);
        }
        config.setMaxConnections(maxConnections);
        camel.addComponent("messenger", component);
        camel.start();
        // continueOnEventLoop: the exchange completes on the event loop (no hand-off to the component's pool)
        String uri = payload.uri;
        if (continueOnEventLoop) {
            uri += (uri.contains("?") ? "&" : "?") + "continueOnEventLoop=true";
        }
        endpoint = camel.getEndpoint(uri);
        producer = endpoint.createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    public void send(Completion done) {
        Exchange exchange = endpoint.createExchange();
        payload.fill(exchange.getMessage());
        producer.process(exchange, doneSync -> {
            Exception failure = exchange.getException();
            if (failure == null && exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID) == null) {
                failure = new IllegalStateException("no " + MessengerConstants.MESSAGE_ID + " header after the send");
            }
            done.done(failure);
        });
    }

    @Override
    public void close() throws Exception {
        ServiceHelper.stopService(producer);
        camel.close();
    }
}
