package io.github.camelmessenger.faults;

import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.producer.GraphApiTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 10, point 3: the token never travels in clear, and ids from headers stay inside the Graph API's paths. */
class GraphTargetTest extends GraphApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { "../../evil", "me/../../x", "me/messages x", "http://evil.example/x",
                             "me/messages#frag", "me/./messages" })
    void aGraphPathThatCouldLeaveTheGraphApiIsRefusedBeforeAnyCall(String path) {
        Exchange out = send("messenger:sendCustomRequest", "{\"a\":1}", Map.of("CamelMessengerGraphPath", path));

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("Graph API path");
        assertNoRequest();
    }

    @Test
    void aPageIdThatIsNotAnIdIsRefusedBeforeAnyCall() {
        Exchange out = send("messenger:sendMessage", "hi", Map.of("CamelMessengerPageId", "../../me/accounts"));

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("../../me/accounts");
        assertNoRequest();
    }

    @Test
    void aPlainGraphPathWithAQueryIsFine() {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v25.0/me/messenger_profile"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"result\":\"success\"}")));

        Exchange out = send("messenger:sendCustomRequest", "{\"greeting\":[]}",
                Map.of("CamelMessengerGraphPath", "me/messenger_profile"));

        assertThat(out.getException()).isNull();
    }

    @Test
    void plainHttpToAnotherHostIsRefusedAtEndpointCreation() {
        assertThatThrownBy(() -> context.getEndpoint("messenger:sendMessage?baseUri=http://graph.example.org"))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining("travel in clear")
                .hasStackTraceContaining("allowInsecureBaseUri");
        assertThat(context.getEndpoint("messenger:sendMessage?baseUri=http://graph.example.org&allowInsecureBaseUri=true"))
                .isNotNull();
        assertThat(context.getEndpoint("messenger:sendMessage?baseUri=http://127.0.0.1:9/graph")).isNotNull();
    }
}
