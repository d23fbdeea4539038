package io.github.camelmessenger.sandbox.users;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts webhook deliveries to the app as the platform does: JSON signed with the app secret in
 * {@code X-Hub-Signature-256} (and the legacy SHA-1 {@code X-Hub-Signature}). Deliveries of one user go one after the
 * other, in order; nothing blocks a thread while the app works on one.
 */
public final class WebhookSender {

    /** What the app answered; {@code status} 0 when it could not be reached. */
    public record Delivery(URI url, int status, String body, String error) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Supplier<URI> target;
    private final String appSecret;
    private final Duration timeout;
    private final Map<String, CompletableFuture<Delivery>> lastPerUser = new ConcurrentHashMap<>();

    /**
     * @param target    where the app's webhook is (asked at each delivery: the app may start after the sandbox);
     *                  null answers mean "not known yet"
     * @param appSecret the app secret that signs deliveries
     * @param timeout   how long the app may take to answer (the platform waits some seconds, then retries)
     */
    public WebhookSender(Supplier<URI> target, String appSecret, Duration timeout) {
        this.target = target;
        this.appSecret = appSecret;
        this.timeout = timeout;
    }

    public CompletableFuture<Delivery> deliver(String psid, byte[] body) {
        return lastPerUser.compute(psid, (k, previous) -> {
            CompletableFuture<Delivery> before = previous == null ? CompletableFuture.completedFuture(null) : previous;
            return before.handle((d, e) -> null).thenCompose(x -> post(body));
        });
    }

    private CompletableFuture<Delivery> post(byte[] body) {
        URI url;
        try {
            url = target.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Delivery(null, 0, null, "no webhook: " + e.getMessage()));
        }
        if (url == null) {
            return CompletableFuture.completedFuture(new Delivery(null, 0, null,
                    "no webhook URL is configured (and no messenger:webhook endpoint was found)"));
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + hmac("HmacSHA256", body))
                .header("X-Hub-Signature", "sha1=" + hmac("HmacSHA1", body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Delivery(url, r.statusCode(), r.body(), null))
                .exceptionally(e -> new Delivery(url, 0, null, describe(e)));
    }

    private String hmac(String algorithm, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
