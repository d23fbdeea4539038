package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.support.DefaultConsumer;

/**
 * Serves the path directly on the router of platform-http's Vert.x server (Camel Main's {@code camel.server.*}),
 * so no HTTP exchange is built and no thread waits for the route: the delivery is handed to a worker thread (the
 * route may block) and answered from the completion of its last event, on whatever thread that happens.
 */
final class VertxRouterIngress implements HttpIngress {

    private static final byte[] EMPTY = new byte[0];

    private final VertxPlatformHttpRouter router;
    private final DefaultConsumer consumer;
    private final String path;
    private final WebhookProtocol protocol;
    private final int maxBodySize;
    private Route head;
    private Route route;

    private VertxRouterIngress(VertxPlatformHttpRouter router, DefaultConsumer consumer, String path,
                               WebhookProtocol protocol, int maxBodySize) {
        this.router = router;
        this.consumer = consumer;
        this.path = path;
        this.protocol = protocol;
        this.maxBodySize = maxBodySize;
    }

    /** The ingress when the context has exactly one platform-http Vert.x router (besides management), else null. */
    static HttpIngress create(CamelContext context, DefaultConsumer consumer, String path, WebhookProtocol protocol,
                              int maxBodySize) {
        Map<String, VertxPlatformHttpRouter> found = context.getRegistry().findByTypeWithName(
                VertxPlatformHttpRouter.class);
        // the same router may be bound under two names; a server created directly has no server type
        List<VertxPlatformHttpRouter> routers = found.values().stream().filter(r -> !r.isManagementServer())
                .distinct().toList();
        return routers.size() == 1
                ? new VertxRouterIngress(routers.get(0), consumer, path, protocol, maxBodySize) : null;
    }

    @Override
    public void start() {
        // a route of its own before the body handler's (Vert.x wants body handlers first on a route): on the event
        // loop, on the headers alone, an unsigned POST is refused before its body is read
        head = router.route(path).method(HttpMethod.GET).method(HttpMethod.POST).handler(this::screenHead);
        Route r = router.route(path).method(HttpMethod.GET).method(HttpMethod.POST);
        // over the limit (declared, or as the chunks come), Vert.x answers 413 without reading the rest of the body
        r.handler(BodyHandler.create(false).setBodyLimit(maxBodySize));
        r.handler(this::handle);
        route = r;
        PlatformHttpComponent component = platformHttp();
        if (component != null) {
            // listed with the other platform-http endpoints (dev console, startup summary)
            component.addHttpEndpoint(path, "GET,POST", "application/json", "text/plain", consumer);
        }
    }

    @Override
    public void stop() {
        if (head != null) {
            head.remove();
            head = null;
        }
        if (route != null) {
            route.remove();
            route = null;
            PlatformHttpComponent component = platformHttp();
            if (component != null) {
                component.removeHttpEndpoint(path);
            }
        }
    }

    @Override
    public String description() {
        return "platform-http Vert.x router " + router.getName();
    }

    private void screenHead(RoutingContext ctx) {
        if (consumer.isSuspending() || consumer.isSuspended()) {
            CappedBody.closeAfterAnswer(ctx.request());
            write(ctx, new WebhookResponse(503, "Suspended"));
            return;
        }
        if (ctx.request().method() == HttpMethod.POST) {
            WebhookResponse refused = protocol.screenHead(signature(ctx), contentLength(ctx));
            if (refused != null) {
                CappedBody.closeAfterAnswer(ctx.request());
                write(ctx, refused);
                return;
            }
        }
        ctx.next();
    }

    private static Long contentLength(RoutingContext ctx) {
        String value = ctx.request().getHeader("Content-Length");
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String signature(RoutingContext ctx) {
        List<String> signatures = ctx.request().headers().getAll(PlatformHttpAdapter.SIGNATURE_HEADER);
        // absent, or repeated: no single signature to trust
        return signatures.size() == 1 ? signatures.get(0) : null;
    }

    private void handle(RoutingContext ctx) {
        String signature = signature(ctx);
        byte[] body = ctx.body().buffer() == null ? EMPTY : ctx.body().buffer().getBytes();
        // normally refused by the body handler already, unless a handler before it read the body
        boolean tooLarge = body.length > maxBodySize;
        WebhookRequest request = new WebhookRequest(ctx.request().method().name(), ctx.request().query(), signature,
                tooLarge ? EMPTY : body, tooLarge);
        if (!"POST".equals(request.method())) {
            protocol.handle(request).whenComplete((response, failure) -> write(ctx, response));
            return;
        }
        // size and signature here, on the event loop: a forged delivery never waits for a worker thread
        WebhookResponse refused = protocol.screen(request);
        if (refused != null) {
            write(ctx, refused);
            return;
        }
        // storing or routing may block: on a worker, never on the event loop
        Vertx vertx = ctx.vertx();
        vertx.executeBlocking(() -> {
            protocol.accept(request).whenComplete((response, failure) -> write(ctx,
                    failure != null || response == null ? WebhookResponse.FAILED : response));
            return null;
        }, false).onFailure(failure -> write(ctx, WebhookResponse.FAILED));
    }

    private static void write(RoutingContext ctx, WebhookResponse response) {
        HttpServerResponse r = ctx.response();
        if (r.ended() || r.closed()) {
            return;
        }
        r.setStatusCode(response.status()).putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(response.body());
    }

    private PlatformHttpComponent platformHttp() {
        return consumer.getEndpoint().getCamelContext().getComponent("platform-http", PlatformHttpComponent.class);
    }
}
