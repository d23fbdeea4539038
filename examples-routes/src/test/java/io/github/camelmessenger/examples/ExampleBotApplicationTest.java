package io.github.camelmessenger.examples;

import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The example boots on its embedded defaults, and its YAML and Java routes send through the sandbox. */
class ExampleBotApplicationTest {

    private Main main;

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void bootsOnItsDefaultsAndSendsThroughTheSandbox() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        main = new Main(ExampleBotApplication.class);
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("camel.component.messenger.base-uri", "http://localhost:" + port + "/sandbox");
        main.addOverrideProperty("example.card-period", "500");
        main.start();
        CamelContext context = main.getCamelContext();

        NotifyBuilder greeting = new NotifyBuilder(context).fromRoute("greeting").whenCompleted(1).create();
        NotifyBuilder cards = new NotifyBuilder(context).fromRoute("offer-card").whenCompleted(2).create();
        NotifyBuilder sandbox = new NotifyBuilder(context).fromRoute("graph-sandbox").whenCompleted(3).create();

        assertThat(greeting.matches(30, TimeUnit.SECONDS)).as("YAML greeting route sent").isTrue();
        assertThat(cards.matches(30, TimeUnit.SECONDS)).as("Java DSL card route sent twice").isTrue();
        assertThat(sandbox.matches(30, TimeUnit.SECONDS)).as("sandbox answered the sends").isTrue();
        assertThat(context.getRoutes()).extracting(r -> r.getRouteId())
                .contains("greeting", "offer-card", "graph-sandbox");
    }
}
