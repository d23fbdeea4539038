package io.github.camelmessenger.producer;

import java.util.Map;

import io.github.camelmessenger.MessengerException;
import io.github.camelmessenger.MessengerPageTokenResolver;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** One bot serving several Pages: the token is picked by header CamelMessengerPageId. */
class MultiPageTokenTest extends GraphApiTestSupport {

    @BindToRegistry("tokens")
    private final MessengerPageTokenResolver resolver = pageId -> "300".equals(pageId) ? "token-from-resolver" : null;

    @Test
    void tokenPerPageFromTheMapOption() {
        String uri = "messenger:sendMessage?pageAccessToken.100=RAW(token-100)&pageAccessToken.200=RAW(token-200)";

        send(uri, "to page 100", Map.of("CamelMessengerPageId", "100"));
        send(uri, "to page 200", Map.of("CamelMessengerPageId", "200"));

        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/100/messages"))
                .withHeader("Authorization", equalTo("Bearer token-100")));
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/200/messages"))
                .withHeader("Authorization", equalTo("Bearer token-200")));
    }

    @Test
    void resolverBeanComesFirstThenTheSingleTokenIsTheFallback() {
        String uri = "messenger:sendMessage?tokenResolver=#tokens";

        send(uri, "to page 300", Map.of("CamelMessengerPageId", "300"));
        send(uri, "to page 400", Map.of("CamelMessengerPageId", "400"));

        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/300/messages"))
                .withHeader("Authorization", equalTo("Bearer token-from-resolver")));
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/400/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void unknownPageWithoutAFallbackTokenIsAClearError() {
        context.getComponent("messenger", io.github.camelmessenger.MessengerComponent.class).getConfiguration()
                .setPageAccessToken(null);
        try {
            Exchange out = send("messenger:sendMessage?pageAccessToken.100=RAW(token-100)", "to page 999",
                    Map.of("CamelMessengerPageId", "999"));

            assertThat(out.getException()).isInstanceOf(MessengerException.class)
                    .hasMessageContaining("999").hasMessageNotContaining("token-100");
            assertNoRequest();
        } finally {
            context.getComponent("messenger", io.github.camelmessenger.MessengerComponent.class).getConfiguration()
                    .setPageAccessToken(TOKEN);
        }
    }
}
