package io.github.camelmessenger.springboot;

import java.io.IOException;
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
 * Plays the Messenger Platform against a running application: real POSTs signed as the platform signs them
 * (X-Hub-Signature-256: HMAC-SHA256 of the exact body bytes with the app secret, computed here).
 */
public final class SignedWebhookClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String appSecret;

    public SignedWebhookClient(String url, String appSecret) {
        this.url = url;
        this.appSecret = appSecret;
    }

    public HttpResponse<String> post(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + hmacHex(appSecret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Hex HMAC-SHA256, as in the webhook signature and the Graph API's appsecret_proof. */
    public static String hmacHex(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One delivery of one page event ({@code messaging} entry). */
    public static String delivery(String page, String event) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + page + "\",\"time\":" + System.currentTimeMillis()
               + ",\"messaging\":[" + event + "]}]}";
    }

    public static String textMessage(String page, String user, String mid, String text) {
        return "{\"sender\":{\"id\":\"" + user + "\"},\"recipient\":{\"id\":\"" + page + "\"},\"timestamp\":"
               + System.currentTimeMillis() + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}";
    }
}
