package io.github.camelmessenger.sandbox.camel;

import java.time.Clock;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.sandbox.Sandbox;
import org.apache.camel.CamelContext;

/**
 * Points a CamelContext's {@code messenger} component at a sandbox: its Graph base URI, the Page token and app
 * secret, and the sandbox clock bound in the registry (so the 24-hour window, waits and one-time notification times
 * of the components agree with the sandbox). Call it before the routes are added: endpoints copy the component's
 * configuration when they are created.
 */
public final class SandboxCamel {

    /** The registry name of the sandbox clock. */
    public static final String CLOCK_BEAN = "messengerSandboxClock";

    private SandboxCamel() {
    }

    public static void bind(CamelContext context, Sandbox sandbox, String graphBaseUri) {
        Clock clock = sandbox.clock();
        context.getRegistry().bind(CLOCK_BEAN, Clock.class, clock);
        MessengerComponent component = context.getComponent("messenger", MessengerComponent.class);
        component.setClock(clock);
        MessengerConfiguration c = component.getConfiguration();
        c.setBaseUri(graphBaseUri);
        c.setPageAccessToken(sandbox.settings().pageAccessToken());
        c.setAppSecret(sandbox.settings().appSecret());
        c.setVerifyToken(sandbox.settings().verifyToken());
        if (sandbox.settings().pageId() != null && c.getPageId() == null) {
            c.setPageId(sandbox.settings().pageId());
        }
    }
}
