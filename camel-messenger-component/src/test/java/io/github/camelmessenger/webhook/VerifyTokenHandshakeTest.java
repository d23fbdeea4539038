package io.github.camelmessenger.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases an HTTP client refuses to send, so they are checked here rather than over HTTP. */
class VerifyTokenHandshakeTest {

    private final VerifyTokenHandshake handshake = new VerifyTokenHandshake("tok");

    @Test
    void undecodableQueryIsRefused() {
        assertThat(handshake.answer("hub.mode=subscribe&hub.verify_token=%zz&hub.challenge=1").status())
                .isEqualTo(403);
    }

    @Test
    void firstValueOfARepeatedParameterCounts() {
        assertThat(handshake.answer("hub.mode=subscribe&hub.verify_token=tok&hub.verify_token=x&hub.challenge=c"))
                .isEqualTo(WebhookResponse.challenge("c"));
        assertThat(handshake.answer("hub.mode=subscribe&hub.verify_token=x&hub.verify_token=tok&hub.challenge=c")
                .status()).isEqualTo(403);
    }

    @Test
    void withoutAConfiguredTokenEveryHandshakeIsRefused() {
        assertThat(new VerifyTokenHandshake(null).answer("hub.mode=subscribe&hub.verify_token=&hub.challenge=c")
                .status()).isEqualTo(403);
    }
}
