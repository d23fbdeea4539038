package io.github.camelmessenger.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.github.camelmessenger.sandbox.junit.MessengerSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A route test the way a user writes one: the app serves platform-http on Vert.x (as Camel Main does) and the test
 * kit points the messenger component at the sandbox.
 */
public abstract class SandboxRouteTestSupport extends CamelTestSupport {

    // tag::test-support[]
    @RegisterExtension
    static MessengerSandboxExtension sandbox = new MessengerSandboxExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(freePort());
        context.addService(new VertxPlatformHttpServer(http));   // the webhook's server, as Camel Main has
        context.getShutdownStrategy().setTimeout(5);
        sandbox.bindTo(context);                                  // base URI, token, secret, clock, webhook
        return context;
    }
    // end::test-support[]

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
