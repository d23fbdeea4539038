package io.github.camelmessenger.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Header forms an HTTP client will not send, checked directly. */
class SignatureVerifierTest {

    private final SignatureVerifier verifier = new SignatureVerifier("secret");
    private final byte[] body = "{\"object\":\"page\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyAsciiHexDigitsCount() {
        String valid = WebhookClient.sign("secret", body);
        assertThat(verifier.verify(body, valid)).isTrue();
        // Character.digit would read these other-script digits as 0..9
        String withOtherDigits = valid.replace('0', '\u0660').replace('1', '\uFF11');
        assertThat(withOtherDigits).isNotEqualTo(valid);
        assertThat(verifier.verify(body, withOtherDigits)).isFalse();
    }

    @Test
    void surroundingWhitespaceIsTolerated() {
        assertThat(verifier.verify(body, " " + WebhookClient.sign("secret", body) + " ")).isTrue();
    }

    @Test
    void nullOrEmptyHeadersFail() {
        assertThat(verifier.verify(body, null)).isFalse();
        assertThat(verifier.verify(body, "")).isFalse();
        assertThat(verifier.verify(new byte[0], "sha256=")).isFalse();
    }
}
