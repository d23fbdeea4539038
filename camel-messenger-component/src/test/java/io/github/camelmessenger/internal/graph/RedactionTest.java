package io.github.camelmessenger.internal.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void masksCredentialParametersInAnyPosition() {
        String vertxTimeout = "The timeout period of 200ms has been exceeded while executing POST "
                              + "/v25.0/me/messages?appsecret_proof=0a1b2c3d for server localhost:8080";
        assertThat(Redaction.redact(vertxTimeout)).isEqualTo("The timeout period of 200ms has been exceeded while "
                + "executing POST /v25.0/me/messages?appsecret_proof=*** for server localhost:8080");

        assertThat(Redaction.redact("/v1/42?fields=a&access_token=EAAGsecret&appsecret_proof=ff&x=1"))
                .isEqualTo("/v1/42?fields=a&access_token=***&appsecret_proof=***&x=1");
        assertThat(Redaction.redact("GET /x?access_token=EAAG")).isEqualTo("GET /x?access_token=***");
    }

    @Test
    void leavesOtherTextAlone() {
        assertThat(Redaction.redact("Connection refused: /127.0.0.1:1234")).isEqualTo("Connection refused: /127.0.0.1:1234");
        assertThat(Redaction.redact(null)).isNull();
        assertThat(Redaction.isCredential("access_token")).isTrue();
        assertThat(Redaction.isCredential("appsecret_proof")).isTrue();
        assertThat(Redaction.isCredential("fields")).isFalse();
    }
}
