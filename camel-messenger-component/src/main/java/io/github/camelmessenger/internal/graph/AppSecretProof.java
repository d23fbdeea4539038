package io.github.camelmessenger.internal.graph;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelmessenger.MessengerException;

/**
 * The {@code appsecret_proof} query parameter: proves to the Graph API that the caller also knows the app secret, so a
 * leaked token alone is useless when the app enables "Require App Secret".
 */
public final class AppSecretProof {

    private static final HexFormat HEX = HexFormat.of();

    private AppSecretProof() {
    }

    /** Lowercase hex of HMAC-SHA256 with the app secret as key over the access token. */
    public static String of(String appSecret, String accessToken) {
        if (appSecret == null || accessToken == null) {
            throw new IllegalArgumentException("appSecret and accessToken are required for appsecret_proof");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // every JRE ships HmacSHA256; the cause names the algorithm only, never the key
            throw new MessengerException("Cannot compute appsecret_proof: HmacSHA256 unavailable", e);
        }
    }
}
