package io.github.camelmessenger.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.MessengerException;
import io.github.camelmessenger.producer.GraphApiTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 14: a flood of sends for one Page does not queue without bound behind its rate limit; the sends
 * beyond maxQueuedSends are refused at once, and none of them reaches the platform.
 */
class QueueLimitsTest extends GraphApiTestSupport {

    @Test
    void sendsBeyondTheRateLimitQueueAreRefusedAtOnce() throws Exception {
        String uri = "messenger:sendMessage?rateLimit=1&maxQueuedSends=3";
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sends.add(template.asyncSend(uri, e -> {
                e.getMessage().setHeaders(Map.of("CamelMessengerRecipientId", PSID, "CamelMessengerPageId", "800"));
                e.getMessage().setBody("flood");
            }));
        }
        int refused = 0;
        int sent = 0;
        for (CompletableFuture<Exchange> send : sends) {
            Exchange out = send.get(20, TimeUnit.SECONDS);
            if (out.getException() == null) {
                sent++;
            } else {
                assertThat(out.getException()).isInstanceOf(MessengerException.class)
                        .hasMessageContaining("maxQueuedSends").hasMessageContaining("800");
                refused++;
            }
        }
        // one runs at once, three wait; the rest are refused
        assertThat(sent).isEqualTo(4);
        assertThat(refused).isEqualTo(6);
        assertThat(requests()).hasSize(4);
    }
}
