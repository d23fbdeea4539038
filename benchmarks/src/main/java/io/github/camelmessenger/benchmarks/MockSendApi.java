package io.github.camelmessenger.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * A minimal stand-in for the Send API, run in its own JVM so that the benchmark JVM's CPU time is the client's
 * alone. It answers {@code POST /v25.0/{page}/messages} with {@code {"recipient_id":"…","message_id":"m_…"}} after
 * a fixed delay, {@code GET /_last} with the last request body it received (so the benchmark can check that every
 * scenario sent the same JSON) and {@code GET /_stats} with how many requests it received and answered.
 *
 * <p>
 * Arguments: {@code latencyMillis [eventLoops]}. It prints {@code LISTENING <port>} once ready and exits when its
 * standard input closes, so it never outlives the benchmark.
 */
public final class MockSendApi extends AbstractVerticle {

    static final String READY = "LISTENING ";

    private static final AtomicLong MESSAGE_IDS = new AtomicLong();
    private static final AtomicLong RECEIVED = new AtomicLong();
    private static final AtomicLong ANSWERED = new AtomicLong();
    private static volatile Buffer lastBody = Buffer.buffer();
    /** Method, URI and whether a bearer token came: what the benchmark compares across scenarios. */
    private static volatile String lastRequest = "";

    private final long latencyMillis;
    private final int port;

    MockSendApi(long latencyMillis, int port) {
        this.latencyMillis = latencyMillis;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        long latency = Long.parseLong(args[0]);
        int eventLoops = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        try {
            // One deployment of N instances on one fixed port: Vert.x then balances connections across them.
            int port = freePort();
            vertx.deployVerticle(() -> new MockSendApi(latency, port), new DeploymentOptions().setInstances(eventLoops))
                    .toCompletionStage().toCompletableFuture().get();
            System.out.println(READY + port);
            System.out.flush();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        exitWhenParentGoes(vertx);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port).setTcpNoDelay(true))
                .requestHandler(this::handle)
                .listen()
                .onSuccess(server -> started.complete())
                .onFailure(started::fail);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (request.method() == HttpMethod.GET && "/_last".equals(path)) {
            request.response().putHeader("X-Last-Request", lastRequest).end(lastBody);
            return;
        }
        if (request.method() == HttpMethod.GET && "/_stats".equals(path)) {
            request.response().end("received " + RECEIVED.get() + ", answered " + ANSWERED.get());
            return;
        }
        if (request.method() != HttpMethod.POST || !path.startsWith("/v25.0/") || !path.endsWith("/messages")) {
            request.response().setStatusCode(404).end();
            return;
        }
        RECEIVED.incrementAndGet();
        request.body().onSuccess(body -> {
            lastBody = body;
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            lastRequest = "POST " + request.uri() + (authorization != null && authorization.startsWith("Bearer ")
                    ? " with a bearer token" : " without a bearer token");
            String answer = "{\"recipient_id\":\"" + recipientId(body) + "\",\"message_id\":\"m_"
                            + MESSAGE_IDS.incrementAndGet() + "\"}";
            if (latencyMillis <= 0) {
                answer(request, answer);
            } else {
                vertx.setTimer(latencyMillis, t -> answer(request, answer));
            }
        });
    }

    private static void answer(HttpServerRequest request, String json) {
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json);
        ANSWERED.incrementAndGet();
    }

    /** The first {@code "id":"…"} of the body: the recipient's, as the Send API puts it first. */
    private static String recipientId(Buffer body) {
        String json = body.toString(StandardCharsets.UTF_8);
        int start = json.indexOf("\"id\":\"");
        if (start < 0) {
            return "unknown";
        }
        start += 6;
        int end = json.indexOf('"', start);
        return end < 0 ? "unknown" : json.substring(start, end);
    }

    private static void exitWhenParentGoes(Vertx vertx) throws IOException, InterruptedException {
        InputStream in = System.in;
        byte[] sink = new byte[256];
        while (in.read(sink) >= 0) {
            // the parent never writes; this only waits for end of stream
        }
        CountDownLatch closed = new CountDownLatch(1);
        vertx.close().onComplete(ar -> closed.countDown());
        closed.await();
        System.exit(0);
    }
}
