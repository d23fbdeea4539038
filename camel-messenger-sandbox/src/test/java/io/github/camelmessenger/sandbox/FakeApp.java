package io.github.camelmessenger.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** An app that only takes deliveries (answers 200) and keeps their bodies and signatures. */
final class FakeApp implements AutoCloseable {

    record Delivery(String body, String signature256) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    FakeApp() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/webhook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(body, exchange.getRequestHeaders().getFirst("X-Hub-Signature-256")));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("OK".getBytes(StandardCharsets.US_ASCII));
            exchange.close();
        });
        server.start();
    }

    String webhookUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
