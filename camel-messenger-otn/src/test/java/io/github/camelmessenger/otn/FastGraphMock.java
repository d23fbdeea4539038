package io.github.camelmessenger.otn;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * A fast stand-in for the Send API, for the 10,000-token runs (WireMock keeps a journal of every request and is
 * slower). It plays the platform's one-use rule: the first send with a token is accepted, any later one is refused
 * with (#100). It counts every attempt per token. Requests under a "dead" path prefix (a crashed node's) are dropped
 * without an answer, as if they never left the node.
 */
final class FastGraphMock implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpServer server;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final Set<String> deadPrefixes = ConcurrentHashMap.newKeySet();

    FastGraphMock() throws Exception {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle).listen().toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** From now on, requests under {@code /prefix} never reach the "platform". */
    void kill(String prefix) {
        deadPrefixes.add("/" + prefix + "/");
    }

    int accepted() {
        return accepted.size();
    }

    boolean wasAccepted(String token) {
        return accepted.contains(token);
    }

    int attempts(String token) {
        AtomicInteger n = attempts.get(token);
        return n == null ? 0 : n.get();
    }

    Map<String, AtomicInteger> attempts() {
        return attempts;
    }

    int refused() {
        return refused.get();
    }

    void reset() {
        attempts.clear();
        accepted.clear();
        refused.set(0);
        deadPrefixes.clear();
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        for (String dead : deadPrefixes) {
            if (path.startsWith(dead)) {
                request.connection().close();
                return;
            }
        }
        if (!path.endsWith("/messages")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onSuccess(body -> {
            String token;
            try {
                JsonNode json = JSON.readTree(body.getBytes());
                token = json.path("recipient").path("one_time_notif_token").asText(null);
            } catch (Exception e) {
                request.response().setStatusCode(400).end();
                return;
            }
            if (token == null) {
                answer(request, 200, "{\"recipient_id\":\"1\",\"message_id\":\"m_plain\"}");
                return;
            }
            attempts.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
            if (accepted.add(token)) {
                answer(request, 200, "{\"message_id\":\"m_" + token + "\"}");
            } else {
                refused.incrementAndGet();
                answer(request, 400, "{\"error\":{\"message\":\"(#100) The one-time notification token has already "
                                     + "been used\",\"type\":\"OAuthException\",\"code\":100,\"fbtrace_id\":\"x\"}}");
            }
        });
    }

    private static void answer(HttpServerRequest request, int status, String json) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
