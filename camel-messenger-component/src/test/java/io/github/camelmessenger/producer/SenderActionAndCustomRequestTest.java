package io.github.camelmessenger.producer;

import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

class SenderActionAndCustomRequestTest extends GraphApiTestSupport {

    private static final String ME = "/v25.0/me/messages";

    @Test
    void senderActionFromTheBody() {
        Exchange out = send("messenger:sendSenderAction", "typing_on");

        assertThat(out.getException()).isNull();
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"sender_action":"typing_on"}
                """.formatted(PSID));
    }

    @Test
    void senderActionFromTheOptionAndHeader() {
        send("messenger:sendSenderAction?senderAction=mark_seen", null);
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"sender_action":"mark_seen"}
                """.formatted(PSID));

        graph.resetRequests();
        send("messenger:sendSenderAction?senderAction=mark_seen", null,
                Map.of("CamelMessengerSenderAction", "typing_off"));
        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"sender_action":"typing_off"}
                """.formatted(PSID));
    }

    @Test
    void reactionWithAMapPayload() {
        send("messenger:sendSenderAction?senderAction=react", Map.of("message_id", "m_1", "reaction", "love"));

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"sender_action":"react","payload":{"message_id":"m_1","reaction":"love"}}
                """.formatted(PSID));
    }

    @Test
    void unknownSenderActionIsRejected() {
        Exchange out = send("messenger:sendSenderAction", "dancing");

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("sender_action").hasMessageContaining("dancing");
        assertNoRequest();
    }

    @Test
    void customRequestIsSentAsGivenWithTheRecipientFilledIn() {
        send("messenger:sendCustomRequest", """
                {"messaging_type":"UPDATE","message":{"text":"raw","metadata":"x"},"persona_id":"p1"}
                """);

        assertOnlyRequest(ME, """
                {"recipient":{"id":"%s"},"messaging_type":"UPDATE","message":{"text":"raw","metadata":"x"},"persona_id":"p1"}
                """.formatted(PSID));
    }

    @Test
    void customRequestToAnotherGraphPath() {
        graph.stubFor(post("/v25.0/me/personas").willReturn(okJson("{\"id\":\"persona-1\"}")));

        Exchange out = send("messenger:sendCustomRequest",
                Map.of("name", "Agent", "profile_picture_url", "https://example.com/a.png"),
                Map.of("CamelMessengerGraphPath", "me/personas"));

        assertThat(out.getException()).isNull();
        assertOnlyRequest("/v25.0/me/personas", """
                {"name":"Agent","profile_picture_url":"https://example.com/a.png"}
                """);
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"id\":\"persona-1\"}");
    }

    @Test
    void customRequestStillHonoursTheLimits() {
        Exchange out = send("messenger:sendCustomRequest", Map.of("message", Map.of("text", "x".repeat(2001))));

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("message.text").hasMessageContaining("2000");
        assertNoRequest();
    }
}
