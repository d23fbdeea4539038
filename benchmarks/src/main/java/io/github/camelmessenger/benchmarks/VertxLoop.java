package io.github.camelmessenger.benchmarks;

import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/** The baseline: a plain Vert.x core HttpClient POSTing the same bytes, with default Vert.x options. */
final class VertxLoop implements SendTarget {

    private final Vertx vertx;
    private final HttpClient client;
    private final RequestOptions request;
    private final byte[] body;

    VertxLoop(int port, int poolSize, byte[] body) {
        this.vertx = Vertx.vertx();
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(poolSize));
        this.request = new RequestOptions().setMethod(HttpMethod.POST)
                .setURI(Payload.PATH)
                .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + Payload.ACCESS_TOKEN)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        this.body = body;
    }

    @Override
    public void send(Completion done) {
        client.request(request)
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .onComplete(ar -> done.done(ar.cause()));
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
