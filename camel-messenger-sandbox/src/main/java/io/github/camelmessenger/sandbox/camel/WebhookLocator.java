package io.github.camelmessenger.sandbox.camel;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import io.github.camelmessenger.MessengerEndpoint;
import io.github.camelmessenger.MessengerOperation;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Finds the app's webhook in a running CamelContext: the path of its {@code messenger:webhook} endpoint on the port
 * of platform-http's Vert.x server (Camel Main's {@code camel.server.*}, or a VertxPlatformHttpServer service).
 */
public final class WebhookLocator implements Supplier<URI> {

    private final CamelContext context;
    private final String host;

    public WebhookLocator(CamelContext context, String host) {
        this.context = context;
        this.host = host;
    }

    /** The webhook's URL, or null while the context has no webhook endpoint or no server yet. */
    @Override
    public URI get() {
        List<MessengerEndpoint> webhooks = context.getEndpoints().stream()
                .filter(MessengerEndpoint.class::isInstance).map(MessengerEndpoint.class::cast)
                .filter(e -> e.getOperation() == MessengerOperation.webhook).toList();
        if (webhooks.isEmpty()) {
            return null;
        }
        if (webhooks.size() > 1) {
            throw new IllegalStateException("The context has " + webhooks.size() + " messenger webhooks; tell the "
                                            + "sandbox which one with webhookUrl(...)");
        }
        List<VertxPlatformHttpRouter> routers = context.getRegistry().findByType(VertxPlatformHttpRouter.class)
                .stream().filter(r -> !r.isManagementServer()).distinct().toList();
        if (routers.size() != 1 || routers.get(0).getServer() == null) {
            return null;
        }
        int port = routers.get(0).getServer().getPort();
        String path = webhooks.get(0).getConfiguration().getWebhookPath();
        return URI.create("http://" + host + ":" + port + (path.startsWith("/") ? path : "/" + path));
    }
}
