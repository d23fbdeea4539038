package io.github.camelmessenger.sandbox.camel;

import java.util.List;

import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.http.SandboxRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The sandbox inside an app: a Camel service that mounts the sandbox on platform-http's Vert.x router when the
 * context starts (so {@code /sandbox} is served on the app's own port, e.g. 8080 in Camel Main) and delivers the
 * simulated users' events to the context's {@code messenger:webhook}.
 * <pre>
 * Sandbox sandbox = Sandbox.builder().build();
 * SandboxCamel.bind(context, sandbox, "http://localhost:8080/sandbox/graph");
 * context.addService(new EmbeddedSandbox(sandbox));
 * </pre>
 */
public final class EmbeddedSandbox extends ServiceSupport implements CamelContextAware {

    private final Sandbox sandbox;
    private CamelContext context;
    private SandboxRoutes routes;

    public EmbeddedSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public CamelContext getCamelContext() {
        return context;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.context = camelContext;
    }

    @Override
    protected void doStart() {
        List<VertxPlatformHttpRouter> routers = context.getRegistry().findByType(VertxPlatformHttpRouter.class)
                .stream().filter(r -> !r.isManagementServer()).distinct().toList();
        if (routers.size() != 1) {
            throw new IllegalStateException("The Messenger sandbox needs platform-http on Vert.x (e.g. "
                                            + "camel-platform-http-main with camel.server.enabled=true); found "
                                            + routers.size() + " routers");
        }
        routes = SandboxRoutes.mount(routers.get(0), sandbox);
        sandbox.webhook(new WebhookLocator(context, "localhost"));
    }

    @Override
    protected void doStop() {
        if (routes != null) {
            routes.unmount();
            routes = null;
        }
    }
}
