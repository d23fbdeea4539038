package io.github.camelmessenger.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays the Messenger Platform: real HTTP requests, signed the way the platform signs (HMAC-SHA256 of the exact
 * body bytes, computed here independently of the code under test).
 */
final class WebhookClient {

    static final String APP_SECRET = "test-app-secret";
    static final String VERIFY_TOKEN = "test-verify-token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private Duration timeout = Duration.ofSeconds(20);

    WebhookClient(WebhookTestServer server) {
        this("http://127.0.0.1:" + server.port());
    }

    WebhookClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    WebhookClient timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET());
    }

    /** POST signed with {@link #APP_SECRET}. */
    HttpResponse<String> post(String path, byte[] body) {
        return post(path, body, sign(APP_SECRET, body));
    }

    HttpResponse<String> post(String path, String body) {
        return post(path, body.getBytes(StandardCharsets.UTF_8));
    }

    /** POST with the given X-Hub-Signature-256 value; null sends none. */
    HttpResponse<String> post(String path, byte[] body, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            b.header("X-Hub-Signature-256", signature);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = WebhookClient.class.getResourceAsStream("/webhook/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture webhook/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
