package io.github.camelmessenger.otn;

import java.time.Duration;

import io.github.camelmessenger.metrics.MessengerMeters;
import io.github.camelmessenger.otn.store.TokenStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 13: camel.messenger.otn.tokens after a real opt-in and broadcast (H2 store, WireMock Graph API). */
class OtnMetersTest extends OtnRouteTestSupport {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        super.bindToRegistry(registry);
        registry.bind("metricsRegistry", meters);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:optin").to("messenger-otn:store?topic=offers");
                from("messenger-otn:broadcast?topic=offers&delay=100&initialDelay=0").routeId("offers")
                        .autoStartup(false)
                        .setBody(constant("News")).to("messenger:sendMessage?maxRetries=0");
            }
        };
    }

    private double tokens(String state) {
        Counter c = meters.find(MessengerMeters.OTN_TOKENS).tag("state", state).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void tokensAreCountedAsTheyAreCapturedSpentAndRefused() throws Exception {
        failSendsTo("used", 400, 100, 0, "(#100) The one-time notification token has been used");
        graph.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient.one_time_notif_token", equalTo("later")))
                .willReturn(aResponse().withStatus(503)));
        optIn("ann", "fine", "offers");
        optIn("bob", "used", "offers");
        optIn("cyd", "later", "offers");
        optIn("cyd", "later", "offers"); // a redelivered opt-in is no second capture

        startRoute("offers");
        await().atMost(Duration.ofSeconds(10)).until(() -> tokens("released") >= 1 && tokens("consumed") == 1
                                                          && tokens("retired") == 1);
        stopRoute("offers");

        assertThat(tokens("captured")).isEqualTo(3);
        assertThat(status("fine")).isEqualTo(TokenStatus.CONSUMED);
        assertThat(meters.find(MessengerMeters.SENDS).tag("outcome", "success").counter().count()).isEqualTo(1);
    }
}
