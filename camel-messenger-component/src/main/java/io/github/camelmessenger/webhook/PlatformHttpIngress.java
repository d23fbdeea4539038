package io.github.camelmessenger.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Serves the path with a consumer of the {@code platform-http} component, so any engine works (servlet in Spring
 * Boot, ...). The engine decides the threading: most call the processor synchronously and so hold one of their
 * threads for the duration of a delivery.
 */
final class PlatformHttpIngress implements HttpIngress {

    private final CamelContext context;
    private final String path;
    private final PlatformHttpAdapter adapter;
    private Consumer consumer;

    PlatformHttpIngress(CamelContext context, String path, WebhookProtocol protocol, int maxBodySize) {
        this.context = context;
        this.path = path;
        this.adapter = new PlatformHttpAdapter(protocol, maxBodySize);
    }

    @Override
    public void start() throws Exception {
        // useBodyHandler=false: Vert.x hands the request over unread, so that maxBodySize holds before buffering
        Endpoint http = context.getEndpoint("platform-http:" + path
                                            + "?httpMethodRestrict=GET,POST&muteException=true&useBodyHandler=false");
        consumer = http.createConsumer(adapter);
        ServiceHelper.startService(consumer);
    }

    @Override
    public void stop() {
        ServiceHelper.stopAndShutdownService(consumer);
        consumer = null;
    }

    @Override
    public String description() {
        return "platform-http consumer";
    }
}
