package io.github.camelmessenger.otn;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelmessenger.otn.broadcast.BroadcastConsumer;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: a holder the route skips (a {@code filter()} by segment) keeps its token: only a send that used the token
 * spends it, and the skipped holder is not offered again in the same run. The next run sends it.
 */
class SkippedHolderTest extends OtnRouteTestSupport {

    private final AtomicBoolean skipU2 = new AtomicBoolean(true);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // one run per start: the next poll is an hour away
                from("messenger-otn:broadcast?topic=sale&delay=3600000&initialDelay=0").routeId("broadcast")
                        .autoStartup(false)
                        .filter(e -> !(skipU2.get() && "u2".equals(e.getMessage().getHeader(
                                MessengerOtnConstants.RECIPIENT_ID))))
                        .setBody(constant("Sale today"))
                        .to("messenger:sendMessage");
            }
        };
    }

    @Test
    void aSkippedHolderKeepsItsTokenAndTheNextRunSendsIt() throws Exception {
        optIn("u1", "tok-u1", "sale");
        optIn("u2", "tok-u2", "sale");
        optIn("u3", "tok-u3", "sale");

        startRoute("broadcast");
        await().atMost(Duration.ofSeconds(30)).until(() -> status("tok-u1") == TokenStatus.CONSUMED
                                                           && status("tok-u3") == TokenStatus.CONSUMED);
        BroadcastConsumer consumer = (BroadcastConsumer) context.getRoute("broadcast").getConsumer();
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getSkippedCount() == 1);
        Thread.sleep(300); // the run settles its batch: the skipped token must stay the holder's
        assertThat(status("tok-u2")).as("skipped by the route: kept").isEqualTo(TokenStatus.VALID);
        assertThat(sendsTo("tok-u2")).isEmpty();
        assertThat(consumer.getEmittedCount()).as("u2 offered once in the run").isEqualTo(3);
        stopRoute("broadcast");

        skipU2.set(false);
        startRoute("broadcast"); // the next broadcast
        await().atMost(Duration.ofSeconds(30)).until(() -> status("tok-u2") == TokenStatus.CONSUMED);
        assertThat(sendsTo("tok-u2")).hasSize(1);
        assertThat(sendsTo("tok-u1")).hasSize(1);
        assertThat(sendsTo("tok-u3")).hasSize(1);
    }
}
