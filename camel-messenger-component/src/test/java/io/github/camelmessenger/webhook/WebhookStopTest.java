package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.vertx.core.Vertx;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.AsyncProcessorSupport;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping never drops the rest of a delivery: a context stopped while a route waits for the Graph API still runs
 * the delivery's remaining events and answers it. And what follows an asynchronous completion never runs on the
 * Vert.x event loop, however loaded the consumer's pool is.
 */
class WebhookStopTest {

    private static String batch(String... mids) {
        List<String> items = new ArrayList<>();
        // now: a reply is only sent within the 24-hour window
        long now = System.currentTimeMillis();
        for (int i = 0; i < mids.length; i++) {
            items.add(Deliveries.event("USER_1", mids[i], now + i, "text " + i));
        }
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1,\"messaging\":["
               + String.join(",", items) + "]}]}";
    }

    @Test
    void aStopDuringAGraphCallDrainsTheRestOfTheDelivery() throws Exception {
        WireMockServer graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        graph.start();
        graph.stubFor(post(urlPathMatching("/v25.0/[^/]+/messages"))
                .willReturn(okJson("{\"message_id\":\"m_bot\"}").withFixedDelay(1200)));
        EventCollector events = new EventCollector();
        WebhookTestServer server = new WebhookTestServer().graphAt(graph.baseUrl());
        try {
            server.routes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("messenger:webhook?appSecret=" + APP_SECRET)
                            .process(events)
                            .setBody(constant("thanks"))
                            .to("messenger:sendMessage");
                }
            }).start();
            WebhookClient client = new WebhookClient(server).timeout(Duration.ofSeconds(15));
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(
                    () -> client.post("/messenger/webhook", batch("m_1", "m_2")));
            await().until(() -> graph.findAll(postRequestedFor(urlPathMatching(".*/messages"))).size() == 1);

            server.close();

            assertThat(answer.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(events.received()).extracting(r -> r.header(MessengerConstants.MESSAGE_ID))
                    .containsExactly("m_1", "m_2");
            // the second event's Graph call was made after the stop began: the delivery was drained, not dropped
            assertThat(graph.findAll(postRequestedFor(urlPathMatching(".*/messages")))).hasSize(2);
        } finally {
            server.close();
            graph.stop();
        }
    }

    @Test
    void underLoadWhatFollowsAnAsynchronousCompletionNeverRunsOnTheEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        List<String> threads = new CopyOnWriteArrayList<>();
        int deliveries = 12;
        ExecutorService posters = Executors.newFixedThreadPool(deliveries);
        WebhookTestServer server = new WebhookTestServer();
        try {
            // a small default pool: with a caller-runs policy the overflow would run where the completion came from
            ThreadPoolProfile profile = server.context().getExecutorServiceManager().getDefaultThreadPoolProfile();
            profile.setPoolSize(1);
            profile.setMaxPoolSize(1);
            profile.setMaxQueueSize(1);
            server.routes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("messenger:webhook?appSecret=" + APP_SECRET)
                            .process(e -> threads.add(Thread.currentThread().getName()))
                            .process(new CompletedOnTheEventLoop(vertx));
                }
            }).start();
            WebhookClient client = new WebhookClient(server).timeout(Duration.ofSeconds(15));
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                String body = batch("m_" + i + "_a", "m_" + i + "_b", "m_" + i + "_c");
                answers.add(CompletableFuture.supplyAsync(() -> client.post("/messenger/webhook", body).statusCode(),
                        posters));
            }
            for (CompletableFuture<Integer> a : answers) {
                assertThat(a.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(threads).hasSize(deliveries * 3).noneMatch(t -> t.contains("eventloop"));
        } finally {
            server.close();
            posters.shutdownNow();
            vertx.close();
        }
    }

    /** Completes each exchange from a Vert.x timer, on an event loop thread, as an asynchronous HTTP client does. */
    private static final class CompletedOnTheEventLoop extends AsyncProcessorSupport {
        private final Vertx vertx;

        CompletedOnTheEventLoop(Vertx vertx) {
            this.vertx = vertx;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            vertx.setTimer(20, id -> callback.done(false));
            return false;
        }
    }
}
