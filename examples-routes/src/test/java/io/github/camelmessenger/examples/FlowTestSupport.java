package io.github.camelmessenger.examples;

import java.util.Map;

import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.junit.MessengerSandboxExtension;
import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A flow test: the example app (YAML or Java DSL, as Camel Main boots it) against the sandbox test kit, one app per
 * test, each with a fresh database.
 */
abstract class FlowTestSupport {

    static final String MENU_TEXT = "Hi! I am the camel-messenger demo bot. What would you like?";
    static final String[] MENU = { "Offers", "Products", "Share contact", "Send a file", "Talk to a human" };
    static final String PAGE_INBOX_APP_ID = "263902037430900";

    @RegisterExtension
    // credentials of its own: outside sandbox mode the app refuses the sandbox's public defaults
    static MessengerSandboxExtension sandbox = new MessengerSandboxExtension(Sandbox.builder()
            .pageAccessToken("flow-test-page-token").appSecret("flow-test-app-secret")
            .verifyToken("flow-test-verify-token"));

    ExampleApp app;

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    ExampleApp start(Dsl dsl) {
        return start(dsl, Map.of());
    }

    ExampleApp start(Dsl dsl, Map<String, String> properties) {
        app = ExampleApp.start(dsl, sandbox, properties);
        return app;
    }

    /** The user says hi and gets the menu, whose quick replies are then on screen. */
    static TestUser greeted(String name) {
        TestUser user = sandbox.user(name);
        user.says("hi");
        user.receives().hasText(MENU_TEXT).hasQuickReplies(MENU);
        return user;
    }
}
