package io.github.camelmessenger.benchmarks;

import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The baseline: a plain Vert.x core HttpClient POSTing the same request, built per message with Jackson, with
 * default Vert.x options, a pool of the component's size and the component's per-request timeouts.
 */
final class VertxLoop implements SendTarget {

    private final Vertx vertx;
    private final HttpClient client;
    private final RequestOptions request;
    private final Payload payload;

    VertxLoop(int port, int poolSize, Payload payload) {
        this.vertx = Vertx.vertx();
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(poolSize));
        // The same per-request timeouts as the component's Graph client (connectTimeout, requestTimeout defaults),
        // so that both pay for the same timers.
        this.request = new RequestOptions().setMethod(HttpMethod.POST)
                .setURI(Payload.PATH)
                .setConnectTimeout(10_000)
                .setIdleTimeout(60_000)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + Payload.ACCESS_TOKEN)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        this.payload = payload;
    }

    @Override
    public void send(Completion done) {
        // the request built per message with Jackson, as a hand-written client would
        byte[] body = payload.json();
        // Callbacks, each registered inside the one before: the leanest use of the client (no future compositions),
        // and the response is consumed in the callback that delivers it. Chaining futures instead
        // (request().compose(send).compose(body)) loses responses now and then when the send starts on a thread
        // outside Vert.x, as the first window of sends does here (eclipse-vertx/vert.x#4705).
        client.request(request, requested -> {
            if (requested.failed()) {
                done.done(requested.cause());
                return;
            }
            requested.result().send(Buffer.buffer(Unpooled.wrappedBuffer(body)), responded -> {
                if (responded.failed()) {
                    done.done(responded.cause());
                    return;
                }
                HttpClientResponse response = responded.result();
                if (response.statusCode() != 200) {
                    done.done(new IllegalStateException("HTTP " + response.statusCode()));
                    return;
                }
                response.body(read -> done.done(read.cause()));
            });
        });
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
