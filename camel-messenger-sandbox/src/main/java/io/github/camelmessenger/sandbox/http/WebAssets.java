package io.github.camelmessenger.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** The web page's files, read once from the jar: no front-end build, no file system. */
final class WebAssets {

    private static final String BASE = "/io/github/camelmessenger/sandbox/web/";
    private static final Map<String, String> TYPES = Map.of("index.html", "text/html; charset=utf-8",
            "sandbox.css", "text/css; charset=utf-8", "sandbox.js", "text/javascript; charset=utf-8",
            "render.js", "text/javascript; charset=utf-8");

    private final Map<String, Buffer> files;

    WebAssets() {
        files = Map.of("index.html", read("index.html"), "sandbox.css", read("sandbox.css"), "sandbox.js",
                read("sandbox.js"), "render.js", read("render.js"));
    }

    void serve(RoutingContext ctx, String name) {
        Buffer file = files.get(name);
        if (file == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        ctx.response().putHeader("Content-Type", TYPES.get(name)).putHeader("Cache-Control", "no-cache").end(file);
    }

    private static Buffer read(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing sandbox web asset " + BASE + name);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
