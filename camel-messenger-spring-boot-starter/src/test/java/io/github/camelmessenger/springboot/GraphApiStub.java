package io.github.camelmessenger.springboot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/** A WireMock Graph API whose Send API accepts every message, given to the application as the messenger base URI. */
public final class GraphApiStub {

    private final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    /** Starts the stub (once) and points {@code camel.component.messenger.base-uri} at it. */
    public void register(DynamicPropertyRegistry registry) {
        if (!server.isRunning()) {
            server.start();
            server.stubFor(post(urlPathMatching("/v25.0/[^/]+/messages")).willReturn(okJson("{\"message_id\":\"m_1\"}")));
        }
        registry.add("camel.component.messenger.base-uri", server::baseUrl);
    }

    public WireMockServer server() {
        return server;
    }

    public void stop() {
        server.stop();
    }
}
