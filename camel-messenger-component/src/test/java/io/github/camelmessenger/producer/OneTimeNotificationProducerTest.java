package io.github.camelmessenger.producer;

import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.OneTimeNotifRequestTemplate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class OneTimeNotificationProducerTest extends GraphApiTestSupport {

    private static final String ME = "/v25.0/me/messages";

    @Test
    void notifyMeRequestFromOptions() {
        Exchange out = send("messenger:sendOneTimeNotificationRequest?title=Back in stock?&payload=offers", null);

        assertThat(out.getException()).isNull();
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"one_time_notif_req","title":"Back in stock?","payload":"offers"}}}}
                """.formatted(PSID));
    }

    @Test
    void notifyMeRequestFromHeadersAndFromTheModel() {
        String expected = """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"attachment":{"type":"template",
                  "payload":{"template_type":"one_time_notif_req","title":"Price drop?","payload":"prices"}}}}
                """.formatted(PSID);
        send("messenger:sendOneTimeNotificationRequest", null,
                Map.of("CamelMessengerTitle", "Price drop?", "CamelMessengerPayload", "prices"));
        assertOnlyRequest(ME, expected);

        graph.resetRequests();
        send("messenger:sendOneTimeNotificationRequest", OneTimeNotifRequestTemplate.of("Price drop?", "prices"));
        assertOnlyRequest(ME, expected);
    }

    @Test
    void titleOver65CharactersOrNoPayloadIsRejected() {
        Exchange longTitle = send("messenger:sendOneTimeNotificationRequest?payload=p", "x".repeat(66));
        assertThat(longTitle.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("title").hasMessageContaining("65");

        Exchange noPayload = send("messenger:sendOneTimeNotificationRequest?title=Notify me?", null);
        assertThat(noPayload.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("payload");
        assertNoRequest();
    }

    @Test
    void aSendWithATokenGoesToTheTokenOnceOnly() {
        Exchange out = template.send("direct:twice", e -> {
            e.getMessage().setHeader("CamelMessengerRecipientId", PSID);
            e.getMessage().setHeader("CamelMessengerOneTimeNotifToken", "otn-token-123");
            e.getMessage().setBody("It is back in stock!");
        });

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("one_time_notif_token").hasMessageNotContaining("otn-token-123");
        assertOnlyRequest(ME, """
                {"recipient":{"one_time_notif_token":"otn-token-123"},"message":{"text":"It is back in stock!"}}
                """);
    }

    /**
     * What a one-time notification broadcast hands the route: Page, token, PSID and the module's own headers. The
     * message goes to the token through the Page's path with the Page's token, quick replies from the options, no
     * messaging type, and a non-ASCII text escaped as Jackson would.
     */
    @Test
    void aBroadcastExchangeGoesToTheTokenThroughItsPage() {
        Map<String, Object> headers = new java.util.HashMap<>();
        headers.put("CamelMessengerPageId", "1122334455");
        headers.put("CamelMessengerOneTimeNotifToken", "otn-token-456");
        headers.put("CamelMessengerOtnTopic", "restock");
        headers.put("CamelMessengerOptinPayload", "{\"sku\":\"A-1\"}");
        headers.put("CamelMessengerOtnAttributes", Map.of("email", "ann@example.org"));
        headers.put("CamelMessengerOtnExpiresAt", java.time.Instant.parse("2027-01-01T00:00:00Z"));

        Exchange out = send("messenger:sendMessage?quickReplies=Yes,No", "Back in stock: \"Blue\" — 10% off",
                headers);

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("CamelMessengerMessageId")).isEqualTo("m_sent-1");
        assertOnlyRequest("/v25.0/1122334455/messages", """
                {"recipient":{"one_time_notif_token":"otn-token-456"},
                 "message":{"text":"Back in stock: \\"Blue\\" — 10% off",
                            "quick_replies":[{"content_type":"text","title":"Yes","payload":"Yes"},
                                             {"content_type":"text","title":"No","payload":"No"}]}}
                """);
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/1122334455/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aFailedTokenSendCanBeRetriedByTheRoute() {
        stubMessagesError(400, error(100, 0, "Invalid parameter"));
        Exchange out = send("messenger:sendMessage", "first try", Map.of("CamelMessengerOneTimeNotifToken", "tok-2"));
        assertThat(out.getException()).isNotNull();
        // the failed call did not spend the token: the same exchange may try again
        resetGraph();
        out.setException(null);
        template.send("messenger:sendMessage", out);

        assertThat(out.getException()).isNull();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:twice").to("messenger:sendMessage").setBody(constant("again")).to("messenger:sendMessage");
            }
        };
    }
}
