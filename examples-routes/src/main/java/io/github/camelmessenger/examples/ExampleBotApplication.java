package io.github.camelmessenger.examples;

import org.apache.camel.main.Main;

/**
 * Runs the example bot on Camel Main. {@code application.properties} holds its embedded defaults (H2, the Messenger
 * sandbox, an SMTP server) and how to point it at the real platform; the YAML routes in {@code camel/} are the bot,
 * or the same flows in Java DSL with the profile {@code java}.
 */
public final class ExampleBotApplication {

    private ExampleBotApplication() {
    }

    public static void main(String[] args) throws Exception {
        // no package scan: the configuration class and the routes come from application.properties
        new Main().run(args);
    }
}
