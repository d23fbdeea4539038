package io.github.camelmessenger.sandbox.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.graph.Attachments;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Puts the sandbox on a Vert.x router: its own ({@link io.github.camelmessenger.sandbox.SandboxServer}) or the
 * app's, e.g. platform-http's router in Camel Main, so the sandbox shares the app's port. Everything lives under
 * {@code /sandbox}: the page, {@code /sandbox/api}, {@code /sandbox/graph}, {@code /sandbox/sms}, {@code /sandbox/media}.
 */
public final class SandboxRoutes {

    /** Largest Graph call: a 25 MB file and its form fields. */
    private static final long GRAPH_BODY_LIMIT = 26L * 1024 * 1024;
    private static final long API_BODY_LIMIT = 1024 * 1024;

    private final List<Route> routes;

    private SandboxRoutes(List<Route> routes) {
        this.routes = routes;
    }

    public static SandboxRoutes mount(Router router, Sandbox sandbox) {
        List<Route> mounted = new ArrayList<>();
        WebAssets assets = new WebAssets();
        GraphRoutes graph = new GraphRoutes(sandbox);
        ApiRoutes api = new ApiRoutes(sandbox);
        String uploads;
        try {
            uploads = Files.createTempDirectory("camel-messenger-sandbox-uploads").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mounted.add(router.route(GraphRoutes.PREFIX + "*").handler(BodyHandler.create(uploads)
                .setBodyLimit(GRAPH_BODY_LIMIT).setDeleteUploadedFilesOnEnd(true)));
        mounted.add(router.route(GraphRoutes.PREFIX + "*").handler(graph::handle));
        mounted.add(router.route(ApiRoutes.PREFIX + "/*").handler(BodyHandler.create(false)
                .setBodyLimit(API_BODY_LIMIT)));
        api.mount(router, mounted);
        mounted.add(router.route(HttpMethod.POST, "/sandbox/sms").handler(BodyHandler.create(false)
                .setBodyLimit(API_BODY_LIMIT)).handler(api::sms));
        mounted.add(router.get("/sandbox/media/:id").handler(ctx -> media(ctx, sandbox)));
        mounted.add(router.get("/sandbox/assets/:file").handler(ctx -> assets.serve(ctx, ctx.pathParam("file"))));
        mounted.add(router.get("/sandbox").handler(ctx -> assets.serve(ctx, "index.html")));
        mounted.add(router.get("/sandbox/").handler(ctx -> assets.serve(ctx, "index.html")));
        return new SandboxRoutes(mounted);
    }

    /** Takes the sandbox off the router. */
    public void unmount() {
        routes.forEach(Route::remove);
        routes.clear();
    }

    private static void media(RoutingContext ctx, Sandbox sandbox) {
        Attachments.Saved saved = sandbox.media(ctx.pathParam("id"));
        if (saved == null) {
            ctx.response().setStatusCode(404).end();
        } else if (saved.data() != null) {
            ctx.response().putHeader("Content-Type", saved.contentType() == null ? "application/octet-stream"
                    : saved.contentType()).end(Buffer.buffer(saved.data()));
        } else if (saved.url() != null) {
            ctx.response().setStatusCode(302).putHeader("Location", saved.url()).end();
        } else {
            ctx.response().setStatusCode(410).end();
        }
    }
}
