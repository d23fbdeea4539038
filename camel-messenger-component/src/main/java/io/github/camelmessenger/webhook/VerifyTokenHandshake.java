package io.github.camelmessenger.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers the subscription handshake: {@code GET ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...} with
 * the challenge when the token matches, else 403.
 */
final class VerifyTokenHandshake {

    private final byte[] verifyToken;

    /** @param verifyToken the configured token; null refuses every handshake */
    VerifyTokenHandshake(String verifyToken) {
        this.verifyToken = verifyToken == null ? null : verifyToken.getBytes(StandardCharsets.UTF_8);
    }

    WebhookResponse answer(String rawQuery) {
        Map<String, String> query;
        try {
            query = parseQuery(rawQuery);
        } catch (IllegalArgumentException e) {
            // undecodable percent-escapes: not a handshake the platform sent
            return WebhookResponse.FORBIDDEN;
        }
        String mode = query.get("hub.mode");
        String token = query.get("hub.verify_token");
        String challenge = query.get("hub.challenge");
        if (verifyToken == null || !"subscribe".equals(mode) || token == null || challenge == null) {
            return WebhookResponse.FORBIDDEN;
        }
        // constant time, so the token cannot be guessed byte by byte from response times
        if (!MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8))) {
            return WebhookResponse.FORBIDDEN;
        }
        return WebhookResponse.challenge(challenge);
    }

    /** First value of each parameter, decoded. */
    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }
}
