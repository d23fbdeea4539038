package io.github.camelmessenger.producer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.github.camelmessenger.MessengerComponent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a route continues after a {@code messenger:} send (issue 10, point 2): on the component's pool by default, so a
 * blocking step after one send never holds the event loop that carries the other sends' I/O; on the event loop only
 * with {@code continueOnEventLoop=true}. The Graph client runs on a Vert.x instance with ONE event loop, so a step
 * that blocked it would stop every other answer.
 */
class ContinuationTest extends GraphApiTestSupport {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final CountDownLatch slowRouteBlocked = new CountDownLatch(1);
    private final CountDownLatch fastRouteDone = new CountDownLatch(1);
    private final AtomicBoolean fastDoneWhileSlowBlocked = new AtomicBoolean();
    private final AtomicReference<Boolean> onEventLoop = new AtomicReference<>();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getComponent("messenger", MessengerComponent.class).getConfiguration().setVertx(vertx);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // a blocking step after the send (a JDBC insert, a file write): held until the other route's sends
                // are done, at most 20 s, so the order of the two tells whether it held the event loop
                from("direct:slow").to("messenger:sendMessage").process(exchange -> {
                    slowRouteBlocked.countDown();
                    fastDoneWhileSlowBlocked.set(fastRouteDone.await(20, TimeUnit.SECONDS));
                });
                from("direct:fast").to("messenger:sendMessage");
                from("direct:where").to("messenger:sendMessage")
                        .process(exchange -> onEventLoop.set(Context.isOnEventLoopThread()));
                from("direct:whereOnLoop").to("messenger:sendMessage?continueOnEventLoop=true")
                        .process(exchange -> onEventLoop.set(Context.isOnEventLoopThread()));
            }
        };
    }

    @Test
    void aBlockingStepAfterOneSendDoesNotHoldTheOtherRoutesSends() throws Exception {
        CompletableFuture<Exchange> slow = template.asyncSend("direct:slow", exchange -> {
            exchange.getMessage().setHeader("CamelMessengerRecipientId", PSID);
            exchange.getMessage().setBody("first, then a slow step");
        });
        assertThat(slowRouteBlocked.await(20, TimeUnit.SECONDS)).isTrue();

        List<CompletableFuture<Exchange>> fast = IntStream.range(0, 5)
                .mapToObj(i -> template.asyncSend("direct:fast", exchange -> {
                    exchange.getMessage().setHeader("CamelMessengerRecipientId", PSID);
                    exchange.getMessage().setBody("fast " + i);
                }))
                .toList();
        for (CompletableFuture<Exchange> send : fast) {
            Exchange out = send.get(30, TimeUnit.SECONDS);
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader("CamelMessengerMessageId")).isEqualTo("m_sent-1");
        }
        fastRouteDone.countDown();

        assertThat(slow.get(30, TimeUnit.SECONDS).getException()).isNull();
        assertThat(fastDoneWhileSlowBlocked).as("the fast route's sends completed while the slow route blocked").isTrue();
    }

    @Test
    void theRouteContinuesOnTheComponentsPoolByDefault() {
        Exchange out = send("direct:where", "hello");

        assertThat(out.getException()).isNull();
        assertThat(onEventLoop.get()).isFalse();
    }

    @Test
    void continueOnEventLoopKeepsTheRouteOnTheEventLoop() {
        Exchange out = send("direct:whereOnLoop", "hello");

        assertThat(out.getException()).isNull();
        assertThat(onEventLoop.get()).isTrue();
    }
}
