package io.github.camelmessenger.examples;

import org.apache.camel.main.Main;

/** Runs the example bot on Camel Main; see application.properties for its embedded defaults. */
public final class ExampleBotApplication {

    private ExampleBotApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main(ExampleBotApplication.class);
        main.run(args);
    }
}
