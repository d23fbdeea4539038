package io.github.camelmessenger.internal.graph;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppSecretProofTest {

    @Test
    void matchesAPublishedHmacSha256Vector() {
        // RFC 4231-style well-known vector: HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertThat(AppSecretProof.of("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void isLowercaseHexOfHmacWithTheSecretAsKey() throws Exception {
        String secret = "s3cr\u00e9t";
        String token = "EAAG\u00fcToken";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));

        assertThat(AppSecretProof.of(secret, token)).isEqualTo(expected).matches("[0-9a-f]{64}");
        assertThat(AppSecretProof.of(token, secret)).isNotEqualTo(expected);
    }

    @Test
    void refusesMissingInputWithoutEchoingIt() {
        assertThatThrownBy(() -> AppSecretProof.of(null, "token-value"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("token-value");
        assertThatThrownBy(() -> AppSecretProof.of("secret-value", null))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("secret-value");
    }
}
