package io.github.camelmessenger.otn;

import java.time.Duration;
import java.time.Instant;

import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broadcast on a Quartz cron ({@code scheduler=quartz}, camel-quartz on the classpath). */
class QuartzBroadcastTest extends OtnRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger-otn:broadcast?topic=cron&scheduler=quartz&scheduler.cron=0/1+*+*+*+*+?").routeId("cron")
                        .setBody(constant("On schedule")).to("messenger:sendMessage?maxRetries=0");
            }
        };
    }

    @Test
    void aQuartzCronSchedulesTheBroadcast() {
        optIn("messenger-otn:store?topic=cron", "ann", "tok-cron", null, Instant.now().minusSeconds(5));

        await().atMost(Duration.ofSeconds(10)).until(() -> status("tok-cron") == TokenStatus.CONSUMED);

        assertThat(sendsTo("tok-cron")).hasSize(1);
        assertThat(context.getRoute("cron").getConsumer()).extracting("scheduler").extracting(Object::getClass)
                .extracting(Class::getSimpleName).isEqualTo("QuartzScheduledPollConsumerScheduler");
    }
}
