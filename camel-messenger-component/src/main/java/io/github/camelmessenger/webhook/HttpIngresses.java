package io.github.camelmessenger.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.support.DefaultConsumer;

/**
 * Picks how the webhook path is served: platform-http's Vert.x router when there is one, else a platform-http
 * consumer on whatever engine the runtime has. The CamelContext global option {@value #INGRESS_OPTION} set to
 * {@code platform-http} forces the latter (e.g. to run platform-http's own per-route handlers).
 */
final class HttpIngresses {

    static final String INGRESS_OPTION = "CamelMessengerWebhookIngress";

    private static final boolean VERTX_ROUTER_PRESENT = present(
            "org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter");

    private HttpIngresses() {
    }

    static HttpIngress create(CamelContext context, DefaultConsumer consumer, String path, WebhookProtocol protocol,
                              int maxBodySize) {
        boolean forceConsumer = "platform-http".equalsIgnoreCase(context.getGlobalOption(INGRESS_OPTION));
        if (VERTX_ROUTER_PRESENT && !forceConsumer) {
            // VertxRouterIngress is only loaded when camel-platform-http-vertx is on the classpath
            HttpIngress ingress = VertxRouterIngress.create(context, consumer, path, protocol, maxBodySize);
            if (ingress != null) {
                return ingress;
            }
        }
        return new PlatformHttpIngress(context, path, protocol, maxBodySize);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, HttpIngresses.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
