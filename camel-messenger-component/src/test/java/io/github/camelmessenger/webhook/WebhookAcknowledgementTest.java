package io.github.camelmessenger.webhook;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.AsyncProcessorSupport;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/** Without an inbox a delivery is answered once its events went through the route: 200, or 500 to get it again. */
class WebhookAcknowledgementTest {

    @Test
    void aFailedEventAnswers500AndTheRedeliverySucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        EventCollector events = new EventCollector();
        try (WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("messenger:webhook?appSecret=" + APP_SECRET)
                        .process(e -> {
                            if (attempts.incrementAndGet() == 1) {
                                throw new IllegalStateException("database down");
                            }
                        })
                        .process(events);
            }
        }).start()) {
            WebhookClient client = new WebhookClient(server);
            HttpResponse<String> first = client.post("/messenger/webhook", fixture("message.json"));
            assertThat(first.statusCode()).isEqualTo(500);
            assertThat(first.body()).doesNotContain("database down");
            assertThat(events.count()).isZero();
            // the platform delivers again
            assertThat(client.post("/messenger/webhook", fixture("message.json")).statusCode()).isEqualTo(200);
            assertThat(events.single().header(MessengerConstants.MESSAGE_ID))
                    .isEqualTo("mid.1457764197618:41d102a3e1ae206a38");
        }
    }

    @Test
    void oneFailedEventOfABatchFailsTheDelivery() {
        try (WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from("messenger:webhook?appSecret=" + APP_SECRET)
                        .filter(header(MessengerConstants.MESSAGE_ID).isEqualTo("m_b3"))
                        .throwException(new IllegalStateException("boom"));
            }
        }).start()) {
            assertThat(new WebhookClient(server).post("/messenger/webhook", fixture("batch.json")).statusCode())
                    .isEqualTo(500);
        }
    }

    @Test
    void anErrorHandledByTheRouteCountsAsProcessed() {
        try (WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(IllegalStateException.class).handled(true);
                from("messenger:webhook?appSecret=" + APP_SECRET).throwException(new IllegalStateException("x"));
            }
        }).start()) {
            assertThat(new WebhookClient(server).post("/messenger/webhook", fixture("message.json")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theAnswerWaitsForAnAsynchronousRoute() {
        List<String> order = new CopyOnWriteArrayList<>();
        try (WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?appSecret=" + APP_SECRET)
                        .delay(300).asyncDelayed()
                        .process(e -> order.add("processed"));
            }
        }).start()) {
            HttpResponse<String> r = new WebhookClient(server).post("/messenger/webhook", fixture("message.json"));
            order.add("answered " + r.statusCode());
        }
        assertThat(order).containsExactly("processed", "answered 200");
    }

    /**
     * If the webhook held a thread per delivery, the deliveries beyond the Vert.x worker pool (20 threads) would never
     * reach the route while the first ones wait, and this would time out.
     */
    @Test
    void noThreadIsHeldWhileAnAsynchronousRouteRuns() throws Exception {
        int deliveries = 48;
        ParkingLot lot = new ParkingLot(deliveries);
        ExecutorService posters = Executors.newFixedThreadPool(deliveries);
        try (WebhookTestServer server = WebhookTestServer.serving("messenger:webhook?appSecret=" + APP_SECRET, lot)) {
            WebhookClient client = new WebhookClient(server).timeout(java.time.Duration.ofSeconds(15));
            List<CompletableFuture<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                String body = new String(fixture("message.json"), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("mid.1457764197618:41d102a3e1ae206a38", "m_park_" + i);
                answers.add(CompletableFuture.supplyAsync(() -> client.post("/messenger/webhook", body).statusCode(),
                        posters));
            }
            for (CompletableFuture<Integer> a : answers) {
                assertThat(a.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(lot.maxParked()).isEqualTo(deliveries);
        } finally {
            posters.shutdownNow();
        }
    }

    /** Completes no exchange until {@code size} of them are waiting, then all at once. */
    private static final class ParkingLot extends AsyncProcessorSupport implements AsyncProcessor {
        private final int size;
        private final List<AsyncCallback> parked = new CopyOnWriteArrayList<>();
        private final AtomicInteger max = new AtomicInteger();

        ParkingLot(int size) {
            this.size = size;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            List<AsyncCallback> release = null;
            synchronized (this) {
                parked.add(callback);
                max.accumulateAndGet(parked.size(), Math::max);
                if (parked.size() == size) {
                    release = List.copyOf(parked);
                    parked.clear();
                }
            }
            if (release != null) {
                // on another thread, as an asynchronous producer would
                List<AsyncCallback> r = release;
                new Thread(() -> r.forEach(cb -> cb.done(false))).start();
            }
            return false;
        }

        int maxParked() {
            return max.get();
        }
    }

    @Test
    void aSlowRouteIsLoggedWithTheTimeItTook() {
        LogCapture log = LogCapture.of(ProcessThenAcknowledge.class);
        try (log; WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                // a deliveryTimeout near the platform's limit, so that the slow delivery is still answered 200
                from("messenger:webhook?deliveryTimeout=4900&appSecret=" + APP_SECRET)
                        .delay(ProcessThenAcknowledge.SLOW_MILLIS + 150);
            }
        }).start()) {
            assertThat(new WebhookClient(server).post("/messenger/webhook", fixture("message.json")).statusCode())
                    .isEqualTo(200);
            assertThat(log.warnings()).anySatisfy(w -> assertThat(w).matches("(?s).*took \\d{4,} ms.*1 event.*"));
        }
    }

}
