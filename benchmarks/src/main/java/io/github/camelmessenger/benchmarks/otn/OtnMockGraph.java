package io.github.camelmessenger.benchmarks.otn;

import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * The mock Send API of the OTN broadcast benchmark, in a JVM of its own (so the benchmark JVM's CPU and heap are the
 * client's alone). {@code POST .../messages} is answered at once with a message id; the mock counts the requests and
 * the distinct one-time notification tokens, and refuses a token's second use with (#100), like the platform.
 * {@code GET /_stats} answers {@code requests tokens refused}. Prints {@code LISTENING <port>} when ready; exits when
 * its standard input closes.
 */
public final class OtnMockGraph {

    static final String READY = "LISTENING ";
    private static final byte[] TOKEN_FIELD = "\"one_time_notif_token\":\"".getBytes();

    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

    private OtnMockGraph() {
    }

    public static void main(String[] args) throws Exception {
        int eventLoops = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        int port = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
                .requestHandler(OtnMockGraph::handle).listen().toCompletionStage().toCompletableFuture().get()
                .actualPort();
        System.out.println(READY + port);
        System.out.flush();
        InputStream in = System.in;
        byte[] sink = new byte[256];
        while (in.read(sink) >= 0) {
            // until the benchmark goes
        }
        vertx.close();
        System.exit(0);
    }

    private static void handle(HttpServerRequest request) {
        if (request.method() == HttpMethod.GET && "/_stats".equals(request.path())) {
            request.response().end(REQUESTS.get() + " " + TOKENS.size() + " " + REFUSED.get());
            return;
        }
        if (request.method() != HttpMethod.POST || !request.path().endsWith("/messages")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> {
            REQUESTS.incrementAndGet();
            String token = token(body);
            if (token != null && !TOKENS.add(token)) {
                REFUSED.incrementAndGet();
                request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end("{\"error\":{\"message\":\"(#100) token already used\",\"type\":\"OAuthException\","
                             + "\"code\":100,\"fbtrace_id\":\"bench\"}}");
                return;
            }
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"recipient_id\":\"1\",\"message_id\":\"m_" + REQUESTS.get() + "\"}");
        });
    }

    /** The token value, found without parsing the whole body (the mock must stay cheap). */
    private static String token(Buffer body) {
        byte[] bytes = body.getBytes();
        outer:
        for (int i = 0; i + TOKEN_FIELD.length <= bytes.length; i++) {
            for (int j = 0; j < TOKEN_FIELD.length; j++) {
                if (bytes[i + j] != TOKEN_FIELD[j]) {
                    continue outer;
                }
            }
            int start = i + TOKEN_FIELD.length;
            int end = start;
            while (end < bytes.length && bytes[end] != '"') {
                end++;
            }
            return new String(bytes, start, end - start);
        }
        return null;
    }
}
