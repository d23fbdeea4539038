package io.github.camelmessenger.producer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Sends of one Page are paced at the configured rate; other Pages are not held up by it. */
class PacingTest extends GraphApiTestSupport {

    @Test
    void aBurstIsSpreadAtTheConfiguredRatePerPage() throws Exception {
        String uri = "messenger:sendMessage?rateLimit=20";
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            int n = i;
            sends.add(template.asyncSend(uri, e -> {
                e.getMessage().setHeaders(Map.of("CamelMessengerRecipientId", PSID, "CamelMessengerPageId", "500"));
                e.getMessage().setBody("burst " + n);
            }));
        }
        Exchange otherPage = template.send(uri, e -> {
            e.getMessage().setHeaders(Map.of("CamelMessengerRecipientId", PSID, "CamelMessengerPageId", "600"));
            e.getMessage().setBody("other page");
        });
        for (CompletableFuture<Exchange> send : sends) {
            assertThat(send.get(10, TimeUnit.SECONDS).getException()).isNull();
        }
        assertThat(otherPage.getException()).isNull();

        List<LoggedRequest> page500 = new ArrayList<>(requests().stream()
                .filter(r -> r.getUrl().startsWith("/v25.0/500/")).toList());
        page500.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertThat(page500).hasSize(21);
        long spreadMillis = page500.get(20).getLoggedDate().getTime() - page500.get(0).getLoggedDate().getTime();
        // 21 sends at 20 per second are paced over 1 s (unpaced they take a few ms); the first ones also open
        // connections, which can delay their arrival, so only a loose lower bound is asserted
        assertThat(spreadMillis).isGreaterThanOrEqualTo(700);
    }

    /** Issue 9: the budget is the Page's, whichever endpoints send for it (before, each setting had its own). */
    @Test
    void twoEndpointsWithDifferentRatesShareTheirPagesOneSchedule() throws Exception {
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (String uri : List.of("messenger:sendMessage?rateLimit=20", "messenger:sendMessage?rateLimit=10")) {
                sends.add(template.asyncSend(uri, e -> {
                    e.getMessage().setHeaders(Map.of("CamelMessengerRecipientId", PSID, "CamelMessengerPageId", "700"));
                    e.getMessage().setBody("shared");
                }));
            }
        }
        for (CompletableFuture<Exchange> send : sends) {
            assertThat(send.get(20, TimeUnit.SECONDS).getException()).isNull();
        }
        List<LoggedRequest> page700 = new ArrayList<>(requests().stream()
                .filter(r -> r.getUrl().startsWith("/v25.0/700/")).toList());
        page700.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertThat(page700).hasSize(20);
        long spreadMillis = page700.get(19).getLoggedDate().getTime() - page700.get(0).getLoggedDate().getTime();
        // one schedule: 10 slots of 50 ms and 10 of 100 ms, about 1.4 s; two separate budgets would take about
        // 0.9 s (the 10/s endpoint alone), so anything above 1.15 s shows the schedule is shared
        assertThat(spreadMillis).isGreaterThanOrEqualTo(1150);
    }
}
