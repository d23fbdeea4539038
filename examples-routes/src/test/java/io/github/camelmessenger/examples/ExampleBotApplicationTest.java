package io.github.camelmessenger.examples;

import java.net.ServerSocket;
import java.time.Duration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
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
                .contains("greeting", "offer-card", "graph-sandbox", "bot");

        // the bot: a signed webhook delivery is answered, then the e-mail the user sends answers the wait
        GraphSandboxRoutes sandboxApi = context.getRegistry().lookupByNameAndType("graphSandbox",
                GraphSandboxRoutes.class);
        assertThat(postSigned(port, "m1", "hello")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandboxApi.received().stream()
                .anyMatch(b -> b.contains("You said: hello. May I have your e-mail address?")));

        assertThat(postSigned(port, "m2", "me@example.com")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> sandboxApi.received().stream()
                .anyMatch(b -> b.contains("Thanks, we will write to me@example.com.")));
    }

    private static int postSigned(int port, String mid, String text) throws Exception {
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1,\"messaging\":[{"
                      + "\"sender\":{\"id\":\"1254459154682919\"},\"recipient\":{\"id\":\"PAGE_1\"},"
                      + "\"timestamp\":" + System.currentTimeMillis() + ",\"message\":{\"mid\":\"" + mid
                      + "\",\"text\":\"" + text + "\"}}]}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sandbox-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/messenger/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
