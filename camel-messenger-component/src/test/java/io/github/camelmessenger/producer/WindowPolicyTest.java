package io.github.camelmessenger.producer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerWindowClosedException;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** windowPolicy: the 24-hour window, checked before any call when the user's last message is known. */
class WindowPolicyTest extends GraphApiTestSupport {

    private static final String PAGE = "4242";
    private static final String URI = "messenger:sendMessage?stateRepository=#state";

    @BindToRegistry("state")
    private final InMemoryConversationStateRepository state = new InMemoryConversationStateRepository();

    private Exchange sendToUserLastSeen(Duration ago, String uri, Map<String, Object> headers) {
        return sendToUserLastSeen(PAGE, ago, uri, headers);
    }

    private Exchange sendToUserLastSeen(String page, Duration ago, String uri, Map<String, Object> headers) {
        state.recordInbound(page, PSID, Instant.now().minus(ago));
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put("CamelMessengerPageId", page);
        return send(uri, "hello again", all);
    }

    @Test
    void outsideTheWindowIsRefusedBeforeAnyCall() {
        Exchange out = sendToUserLastSeen(Duration.ofHours(25), URI, Map.of());

        assertThat(out.getException()).isInstanceOf(MessengerWindowClosedException.class)
                .hasMessageContaining("24 hours").hasMessageContaining(PSID);
        MessengerWindowClosedException e = (MessengerWindowClosedException) out.getException();
        assertThat(e.getLastInbound()).isNotNull();
        assertThat(e.getApiException()).isNull();
        assertNoRequest();
    }

    @Test
    void insideTheWindowIsSent() {
        Exchange out = sendToUserLastSeen(Duration.ofHours(23), URI, Map.of());

        assertThat(out.getException()).isNull();
        assertThat(requests()).hasSize(1);
    }

    @Test
    void humanAgentTagExtendsTheWindowToSevenDays() {
        Exchange threeDays = sendToUserLastSeen(Duration.ofDays(3), URI, Map.of("CamelMessengerTag", "HUMAN_AGENT"));
        assertThat(threeDays.getException()).isNull();
        assertThat(requests()).hasSize(1);

        graph.resetRequests();
        Exchange eightDays = sendToUserLastSeen("4343", Duration.ofDays(8), URI,
                Map.of("CamelMessengerTag", "HUMAN_AGENT"));
        assertThat(eightDays.getException()).isInstanceOf(MessengerWindowClosedException.class)
                .hasMessageContaining("7 days");
        assertNoRequest();
    }

    @Test
    void aOneTimeNotificationTokenIsNotBoundByTheWindow() {
        Exchange out = sendToUserLastSeen(Duration.ofDays(30), URI,
                Map.of("CamelMessengerOneTimeNotifToken", "otn-token"));

        assertThat(out.getException()).isNull();
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aUserNeverSeenIsSentToAndThePlatformDecides() {
        Exchange out = send(URI, "first contact", Map.of("CamelMessengerPageId", PAGE,
                "CamelMessengerRecipientId", "never-seen-user"));

        assertThat(out.getException()).isNull();
        assertThat(requests()).hasSize(1);
    }

    @Test
    void policyIgnoreAlwaysSends() {
        Exchange out = sendToUserLastSeen(Duration.ofDays(2), URI + "&windowPolicy=ignore", Map.of());

        assertThat(out.getException()).isNull();
        assertThat(requests()).hasSize(1);
    }

    @Test
    void thePlatformsWindowErrorMapsToTheSameException() {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v25.0/" + PAGE + "/messages")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(error(10, 2018278, "(#10) This message is sent outside of allowed window."))));

        Exchange out = send(URI, "late", Map.of("CamelMessengerPageId", PAGE,
                "CamelMessengerRecipientId", "unknown-to-us"));

        assertThat(out.getException()).isInstanceOf(MessengerWindowClosedException.class);
        MessengerApiException api = ((MessengerWindowClosedException) out.getException()).getApiException();
        assertThat(api.getCode()).isEqualTo(10);
        assertThat(api.getSubcode()).isEqualTo(2018278);
        assertThat(requests()).hasSize(1);
    }
}
