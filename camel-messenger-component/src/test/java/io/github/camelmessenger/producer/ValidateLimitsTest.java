package io.github.camelmessenger.producer;

import io.github.camelmessenger.MessengerValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9: the platform limits table has an escape hatch, for the day Meta raises a limit. */
class ValidateLimitsTest extends GraphApiTestSupport {

    private static final String TOO_LONG = "x".repeat(2001);

    @Test
    void byDefaultAnOverLimitTextIsRefusedBeforeAnyCall() {
        Exchange out = send("messenger:sendMessage", TOO_LONG);

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("message.text").hasMessageContaining("2000");
        assertNoRequest();
    }

    @Test
    void withValidateLimitsOffThePlatformDecides() {
        Exchange out = send("messenger:sendMessage?validateLimits=false", TOO_LONG);

        assertThat(out.getException()).isNull();
        assertThat(requests()).hasSize(1);
        assertThat(requests().get(0).getBodyAsString()).contains(TOO_LONG);
    }

    @Test
    void withValidateLimitsOffTooManyQuickRepliesAreSentToo() {
        StringBuilder replies = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            replies.append(i == 0 ? "" : ",").append("R").append(i);
        }
        assertThat(send("messenger:sendMessage?quickReplies=" + replies, "pick").getException())
                .isInstanceOf(MessengerValidationException.class);
        assertNoRequest();
        assertThat(send("messenger:sendMessage?validateLimits=false&quickReplies=" + replies, "pick").getException())
                .isNull();
        assertThat(requests()).hasSize(1);
    }
}
