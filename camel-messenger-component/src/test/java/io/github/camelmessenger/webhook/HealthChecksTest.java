package io.github.camelmessenger.webhook;

import java.util.Collection;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13: the messenger health checks in Camel's registry: the Page token's readiness from a cached Graph API call
 * (WireMock: accepted, then refused with code 190), liveness untouched by it, and the webhook with its inbox.
 */
class HealthChecksTest {

    private final WireMockServer graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private WebhookTestServer server;

    @BeforeEach
    void start() {
        graph.start();
        graph.stubFor(get(urlPathEqualTo("/v25.0/me")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"id\":\"1000\",\"name\":\"Shop\"}")).willSetStateTo("revoked"));
        graph.stubFor(get(urlPathEqualTo("/v25.0/me")).inScenario("token").whenScenarioStateIs("revoked")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"Invalid OAuth access token\",\"type\":\"OAuthException\","
                                  + "\"code\":190,\"fbtrace_id\":\"x\"}}")));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:health-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        server = new WebhookTestServer().bind("inbox", new JdbcWebhookInbox(h2)).graphAt(graph.baseUrl())
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(ConversationWaitTest.WEBHOOK.replace("&stateRepository=#state", "") + "&inbox=#inbox")
                                .to("log:events");
                        from("direct:send").to("messenger:sendMessage?healthCheckCacheTime=2000");
                    }
                }).start();
    }

    @AfterEach
    void stop() {
        server.close();
        graph.stop();
    }

    private HealthCheck.Result result(Collection<HealthCheck.Result> results, String idPrefix) {
        return results.stream().filter(r -> r.getCheck().getId().startsWith(idPrefix)).findFirst().orElseThrow();
    }

    @Test
    void readinessFollowsThePageTokenFromACachedCallAndLivenessDoesNot() {
        HealthCheck.Result ready = result(HealthCheckHelper.invokeReadiness(server.context()), "messenger-page-token");
        assertThat(ready.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(ready.getDetails()).containsEntry("page.name", "Shop");
        // probes within the cache time ask the Graph API nothing more
        for (int i = 0; i < 5; i++) {
            HealthCheckHelper.invokeReadiness(server.context());
        }
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/me")));

        await().pollInterval(java.time.Duration.ofMillis(100)).atMost(java.time.Duration.ofSeconds(10)).until(() ->
                result(HealthCheckHelper.invokeReadiness(server.context()), "messenger-page-token").getState()
                == HealthCheck.State.DOWN);
        HealthCheck.Result down = result(HealthCheckHelper.invokeReadiness(server.context()), "messenger-page-token");
        assertThat(down.getDetails()).containsEntry("graph.code", 190);
        assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("Invalid OAuth access token")
                .doesNotContain("page-token"));
        // a Graph API refusal is no reason to restart the application
        assertThat(HealthCheckHelper.invokeLiveness(server.context()))
                .noneMatch(r -> r.getCheck().getId().startsWith("messenger-page-token"))
                .allMatch(r -> r.getState() == HealthCheck.State.UP);
    }

    @Test
    void theWebhookIsUpWithItsInboxFigures() {
        HealthCheck.Result webhook = result(HealthCheckHelper.invokeLiveness(server.context()), "messenger-webhook");
        assertThat(webhook.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(webhook.getDetails()).containsEntry("path", "/messenger/webhook")
                .containsEntry("inbox.pending", 0L).containsEntry("inbox.deadLetters", 0);
    }
}
