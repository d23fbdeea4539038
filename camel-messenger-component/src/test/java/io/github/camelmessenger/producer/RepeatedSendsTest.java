package io.github.camelmessenger.producer;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many exchanges through one endpoint: the endpoint's shorthand options are parsed once and shared, so each send must
 * still get exactly its own quick replies and buttons; and the answer's ids reach the headers of each exchange.
 */
class RepeatedSendsTest extends GraphApiTestSupport {

    private static final String QUICK_REPLIES_URI = "messenger:sendMessage?quickReplies=Track it=TRACK,Not now=LATER";

    @Test
    void theOptionsQuickRepliesOnEverySendAndAHeaderOverridesThemForOneExchangeOnly() {
        send(QUICK_REPLIES_URI, "first");
        send(QUICK_REPLIES_URI, "second", Map.of("CamelMessengerQuickReplies", "Yes=Y"));
        send(QUICK_REPLIES_URI, "third");
        send("messenger:sendMessage?quickReplies=Other=O", "fourth");

        List<String> bodies = requests().stream().map(LoggedRequest::getBodyAsString).toList();
        String option = "\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Track it\",\"payload\":\"TRACK\"},"
                        + "{\"content_type\":\"text\",\"title\":\"Not now\",\"payload\":\"LATER\"}]";
        assertThat(bodies).hasSize(4);
        assertThat(bodies.get(0)).contains("\"text\":\"first\"", option);
        assertThat(bodies.get(1)).contains("\"text\":\"second\"",
                "\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Yes\",\"payload\":\"Y\"}]");
        assertThat(bodies.get(2)).contains("\"text\":\"third\"", option);
        assertThat(bodies.get(3)).contains("\"text\":\"fourth\"",
                "\"quick_replies\":[{\"content_type\":\"text\",\"title\":\"Other\",\"payload\":\"O\"}]");
    }

    @Test
    void theOptionsButtonsOnEverySend() {
        String uri = "messenger:sendButtonTemplate?buttons=Site=https://example.com,Call=phone_number:+15551234567";
        send(uri, "one");
        send(uri, "two", Map.of("CamelMessengerButtons", "Help=HELP"));
        send(uri, "three");

        List<String> bodies = requests().stream().map(LoggedRequest::getBodyAsString).toList();
        String option = "\"buttons\":[{\"type\":\"web_url\",\"title\":\"Site\",\"url\":\"https://example.com\"},"
                        + "{\"type\":\"phone_number\",\"title\":\"Call\",\"payload\":\"+15551234567\"}]";
        assertThat(bodies).hasSize(3);
        assertThat(bodies.get(0)).contains("\"text\":\"one\"", option);
        assertThat(bodies.get(1)).contains("\"text\":\"two\"",
                "\"buttons\":[{\"type\":\"postback\",\"title\":\"Help\",\"payload\":\"HELP\"}]");
        assertThat(bodies.get(2)).contains("\"text\":\"three\"", option);
    }

    @Test
    void theAnswersIdsBecomeHeadersAndTheAnswerTheBody() {
        Exchange out = send(QUICK_REPLIES_URI, "hello");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("CamelMessengerMessageId")).isEqualTo("m_sent-1");
        assertThat(out.getMessage().getHeader("CamelMessengerResponseRecipientId")).isEqualTo(PSID);
        assertThat(out.getMessage().getBody(String.class))
                .isEqualTo("{\"recipient_id\":\"" + PSID + "\",\"message_id\":\"m_sent-1\"}");
    }

    @Test
    void anAnswerWithUnknownFieldsNullIdsOrNestedValuesSetsOnlyTheIdsItHas() {
        graph.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson(
                "{\"extra\":{\"message_id\":\"nested\"},\"list\":[1,{\"a\":2}],\"recipient_id\":null,"
                                                                                   + "\"message_id\":\"m_2\"}")));

        Exchange out = send(QUICK_REPLIES_URI, "hello");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("CamelMessengerMessageId")).isEqualTo("m_2");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("CamelMessengerResponseRecipientId");
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonStaysTheBodyWithoutIds() {
        graph.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson("{\"message_id\":\"m_3\", oops")));

        Exchange out = send(QUICK_REPLIES_URI, "hello");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"message_id\":\"m_3\", oops");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("CamelMessengerMessageId");
    }
}
