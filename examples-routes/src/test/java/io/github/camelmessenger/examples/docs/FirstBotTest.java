package io.github.camelmessenger.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.github.camelmessenger.examples.docs.samples.FirstBotRoutes;
import io.github.camelmessenger.sandbox.junit.MessengerSandboxExtension;
import io.github.camelmessenger.sandbox.junit.TestUser;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The getting-started guide's first bot, both DSLs, talked to through the sandbox test kit as the guide says. */
class FirstBotTest {

    @RegisterExtension
    static MessengerSandboxExtension sandbox = new MessengerSandboxExtension();

    @Test
    void theYamlBotRepeatsAndHelps() throws Exception {
        try (CamelContext context = context()) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context,
                    "file:" + DocSamples.ROOT.resolve(YamlSamplesTest.FOLDER + "first-bot.yaml")));
            context.start();
            talk(sandbox.user("yaml user"));
        }
    }

    @Test
    void theJavaBotRepeatsAndHelps() throws Exception {
        try (CamelContext context = context()) {
            context.addRoutes(new FirstBotRoutes());
            context.start();
            talk(sandbox.user("java user"));
        }
    }

    // tag::talk[]
    private static void talk(TestUser user) {
        user.says("hello bot");
        user.receives().hasText("You said: hello bot").hasQuickReplies("Help").wasAccepted();
        user.tapsQuickReply("Help");
        user.receivesText("I repeat what you write. Try it!");
    }
    // end::talk[]

    private static CamelContext context() throws Exception {
        CamelContext context = new DefaultCamelContext();
        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(freePort());
        context.addService(new VertxPlatformHttpServer(http));
        context.getShutdownStrategy().setTimeout(5);
        sandbox.bindTo(context);
        return context;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
