package io.github.camelmessenger.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The other baseline: the JDK's java.net.http.HttpClient, {@code sendAsync} per message, HTTP/1.1 (what the mock and
 * the Graph API's keep-alive connections speak), otherwise default settings.
 */
final class JdkLoop implements SendTarget {

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jdk-http-client");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client;
    private final URI uri;
    private final byte[] body;

    JdkLoop(int port, byte[] body) {
        // An explicit cached pool, the same kind the client creates by default, so that it can be shut down.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
        this.uri = URI.create("http://127.0.0.1:" + port + Payload.PATH);
        this.body = body;
    }

    @Override
    public void send(Completion done) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + Payload.ACCESS_TOKEN)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
            if (failure != null) {
                done.done(failure);
            } else if (response.statusCode() != 200) {
                done.done(new IllegalStateException("HTTP " + response.statusCode()));
            } else {
                done.done(null);
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
