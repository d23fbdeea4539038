package io.github.camelmessenger.sandbox;

import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.sandbox.http.SandboxRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/**
 * The sandbox on a port of its own (the test kit, a demo without an app server): the page at {@code /sandbox}, the
 * Graph API at {@link #graphBaseUri()}.
 */
public final class SandboxServer implements AutoCloseable {

    private final Sandbox sandbox;
    private final Vertx vertx;
    private final boolean ownVertx;
    private final HttpServer server;
    private final String host;

    private SandboxServer(Sandbox sandbox, Vertx vertx, boolean ownVertx, HttpServer server, String host) {
        this.sandbox = sandbox;
        this.vertx = vertx;
        this.ownVertx = ownVertx;
        this.server = server;
        this.host = host;
    }

    /** Starts on the loopback interface; port 0 picks a free one. */
    public static SandboxServer start(Sandbox sandbox, int port) {
        return start(sandbox, null, "localhost", port);
    }

    /**
     * @param vertx the Vert.x instance to serve on, or null for one of its own (closed with the server)
     */
    public static SandboxServer start(Sandbox sandbox, Vertx vertx, String host, int port) {
        Vertx v = vertx != null ? vertx : Vertx.vertx();
        Router router = Router.router(v);
        SandboxRoutes.mount(router, sandbox);
        try {
            HttpServer server = v.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                    .requestHandler(router).listen().toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            return new SandboxServer(sandbox, v, vertx == null, server, host);
        } catch (Exception e) {
            if (vertx == null) {
                v.close();
            }
            throw new IllegalStateException("Could not start the Messenger sandbox on " + host + ":" + port, e);
        }
    }

    /**
     * Runs a sandbox on its own: {@code port} (default 8089) and the app's webhook URL (default
     * http://localhost:8080/messenger/webhook) as arguments; Page token, app secret and verify token are the
     * builder's defaults.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        String webhook = args.length > 1 ? args[1] : "http://localhost:8080/messenger/webhook";
        SandboxServer server = start(Sandbox.builder().webhookUrl(webhook).build(), null, "0.0.0.0", port);
        System.out.println("Messenger sandbox: page http://localhost:" + server.port() + "/sandbox, Graph API "
                           + "http://localhost:" + server.port() + "/sandbox/graph, webhook " + webhook);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    /** The messenger component's {@code baseUri}: {@code http://host:port/sandbox/graph}. */
    public String graphBaseUri() {
        return baseUrl() + "/sandbox/graph";
    }

    /** The web page. */
    public String pageUrl() {
        return baseUrl() + "/sandbox";
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        } finally {
            if (ownVertx) {
                vertx.close();
            }
        }
    }
}
