package io.github.camelmessenger.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/** A CamelContext serving platform-http (Vert.x) on a free loopback port, as Camel Main would. */
final class WebhookTestServer implements AutoCloseable {

    private final CamelContext context;
    private final int port;

    WebhookTestServer() {
        this(freePort());
    }

    WebhookTestServer(int port) {
        this.port = port;
        this.context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(port);
        try {
            context.addService(new VertxPlatformHttpServer(conf));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        context.getShutdownStrategy().setTimeout(10);
    }

    /** A started server whose one route sends every exchange of the webhook endpoint to {@code end}. */
    static WebhookTestServer serving(String webhookUri, Processor end) {
        return new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                from(webhookUri).process(end);
            }
        }).start();
    }

    WebhookTestServer routes(RoutesBuilder routes) {
        try {
            context.addRoutes(routes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Serve webhooks through a platform-http consumer, the path other engines (servlet) take. */
    WebhookTestServer viaPlatformHttpConsumer() {
        context.getGlobalOptions().put(HttpIngresses.INGRESS_OPTION, "platform-http");
        return this;
    }

    /** The messenger component calls this Graph API (a WireMock) with a page token. */
    WebhookTestServer graphAt(String baseUrl) {
        MessengerComponent messenger = context.getComponent("messenger", MessengerComponent.class);
        messenger.getConfiguration().setBaseUri(baseUrl);
        messenger.getConfiguration().setPageAccessToken("page-token");
        return this;
    }

    WebhookTestServer bind(String name, Object bean) {
        context.getRegistry().bind(name, bean);
        return this;
    }

    WebhookTestServer start() {
        context.start();
        return this;
    }

    CamelContext context() {
        return context;
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
