package io.github.camelmessenger.sandbox;

import java.time.Duration;
import java.util.List;

import io.github.camelmessenger.sandbox.camel.EmbeddedSandbox;
import io.github.camelmessenger.sandbox.camel.SandboxCamel;
import io.github.camelmessenger.sandbox.conversation.Entry;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox inside the app, as the example will run it: mounted on Camel Main's own HTTP server (port, page, API
 * and Graph API all on the app's port), delivering to the app's webhook on the same server.
 */
class EmbeddedInCamelMainTest {

    @Test
    void servesThePageAndTheGraphApiOnTheAppsPortAndTalksToItsWebhook() throws Exception {
        int port = SandboxRouteTestSupport.freePort();
        Sandbox sandbox = Sandbox.builder().build();
        Main main = new Main();
        main.configure().addRoutesBuilder(new DemoBotRoutes());
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                CamelContext context = m.getCamelContext();
                SandboxCamel.bind(context, sandbox, "http://localhost:" + port + "/sandbox/graph");
                try {
                    context.addService(new EmbeddedSandbox(sandbox));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        main.start();
        try {
            ApiClient api = new ApiClient("http://localhost:" + port);
            assertThat(api.get("/sandbox").text()).contains("Messenger sandbox");

            String psid = api.post("/sandbox/api/users", "{\"name\":\"Mia\"}").json().path("psid").asText();
            ApiClient.Answer said = api.post("/sandbox/api/users/" + psid + "/events",
                    "{\"type\":\"text\",\"text\":\"hi\"}");

            assertThat(said.json().path("delivery").path("status").asInt()).isEqualTo(200);
            List<Entry> answers = sandbox.conversation(psid).await(Entry::isBotMessage, 1, Duration.ofSeconds(10));
            assertThat(answers).singleElement().satisfies(e -> {
                assertThat(e.body().path("message").path("text").asText()).isEqualTo("Hello hi! What would you like?");
                assertThat(e.verdict().isAccepted()).isTrue();
            });
            assertThat(main.getCamelContext().getRegistry().findSingleByType(java.time.Clock.class))
                    .isSameAs(sandbox.clock());
        } finally {
            main.stop();
        }
    }
}
