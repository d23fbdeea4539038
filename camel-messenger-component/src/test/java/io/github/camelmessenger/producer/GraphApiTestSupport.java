package io.github.camelmessenger.producer;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A CamelContext whose messenger component talks to WireMock playing the Graph API. Tests send through real
 * {@code messenger:} endpoints and assert on what reached the server.
 */
public abstract class GraphApiTestSupport extends CamelTestSupport {

    public static final String TOKEN = "EAAG-test-page-token-0123456789";
    public static final String APP_SECRET = "test-app-secret-abcdef";
    public static final String PSID = "1254459154682919";

    protected static WireMockServer graph;

    @BeforeAll
    static void startGraph() {
        graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stopGraph() {
        graph.stop();
    }

    @BeforeEach
    void resetGraph() {
        graph.resetAll();
        graph.stubFor(post(urlPathMatching("/v25.0/[^/]+/messages"))
                .willReturn(okJson("{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_sent-1\"}")));
        graph.stubFor(post(urlPathMatching("/v25.0/[^/]+/message_attachments"))
                .willReturn(okJson("{\"attachment_id\":\"1857777774821032\"}")));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        MessengerComponent component = new MessengerComponent();
        component.getConfiguration().setBaseUri(graph.baseUrl());
        component.getConfiguration().setPageAccessToken(TOKEN);
        component.getConfiguration().setRetryDelay(5);
        component.getConfiguration().setRateLimitRetryDelay(20);
        context.addComponent("messenger", component);
        return context;
    }

    /** Sends to an endpoint with the recipient header set; returns the exchange (exception included). */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setHeader("CamelMessengerRecipientId", PSID);
            exchange.getMessage().setHeaders(merge(exchange.getMessage().getHeaders(), headers));
            exchange.getMessage().setBody(body);
        });
    }

    protected Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    protected static List<LoggedRequest> requests() {
        return graph.findAll(postRequestedFor(anyUrl()));
    }

    /** Exactly one call reached the Graph API: to this path, with exactly this JSON (no extra fields). */
    protected static void assertOnlyRequest(String path, String expectedJson) {
        List<LoggedRequest> all = graph.findAll(WireMock.anyRequestedFor(anyUrl()));
        if (all.size() != 1) {
            throw new AssertionError("expected exactly one request to the Graph API, got " + all.size());
        }
        graph.verify(1, postRequestedFor(urlPathEqualTo(path)).withRequestBody(WireMock.equalToJson(expectedJson)));
    }

    protected static void assertNoRequest() {
        List<LoggedRequest> all = graph.findAll(WireMock.anyRequestedFor(anyUrl()));
        if (!all.isEmpty()) {
            throw new AssertionError("expected no request to the Graph API, got " + all.size());
        }
    }

    protected static void stubMessagesError(int status, String errorJson) {
        graph.stubFor(post(urlPathEqualTo("/v25.0/me/messages"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(errorJson)));
    }

    protected static String error(int code, int subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
               + (subcode != 0 ? ",\"error_subcode\":" + subcode : "") + ",\"fbtrace_id\":\"AbCdEf123\"}}";
    }
}
