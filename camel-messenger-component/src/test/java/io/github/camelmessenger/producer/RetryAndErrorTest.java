package io.github.camelmessenger.producer;

import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerWindowClosedException;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

class RetryAndErrorTest extends GraphApiTestSupport {

    @Test
    void transientErrorIsRetriedUntilItSucceeds() {
        graph.stubFor(post("/v25.0/me/messages").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody(error(1200, 0, "Temporary send message failure")))
                .willSetStateTo("recovered"));
        graph.stubFor(post("/v25.0/me/messages").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"recipient_id\":\"1\",\"message_id\":\"m_after_retry\"}")));

        Exchange out = send("messenger:sendMessage", "retry me");

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader("CamelMessengerMessageId")).isEqualTo("m_after_retry");
        assertThat(requests()).hasSize(2);
    }

    @ParameterizedTest(name = "code {0}/{1} is retried up to maxRetries")
    @CsvSource({ "2,0", "1200,0", "613,0", "4,0", "32,0" })
    void transientErrorsAreRetriedUpToMaxRetries(int code, int subcode) {
        stubMessagesError(400, error(code, subcode, "transient"));

        Exchange out = send("messenger:sendMessage?maxRetries=2", "keeps failing");

        assertThat(out.getException()).isInstanceOf(MessengerApiException.class);
        MessengerApiException e = (MessengerApiException) out.getException();
        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.isRetryable()).isTrue();
        assertThat(requests()).hasSize(3);
    }

    @ParameterizedTest(name = "code {0}/{1} is never retried")
    @CsvSource({ "551,1545041", "10,2018278", "190,463", "100,0", "200,1545041", "613,2018338", "2018300,0" })
    void permanentErrorsAreNeverRetried(int code, int subcode) {
        stubMessagesError(400, error(code, subcode, "permanent"));

        Exchange out = send("messenger:sendMessage?maxRetries=3", "fails once");

        // the window error reaches routes as MessengerWindowClosedException, with the platform's error as cause
        MessengerApiException e = out.getException() instanceof MessengerWindowClosedException w
                ? w.getApiException() : (MessengerApiException) out.getException();
        assertThat(e).isNotNull();
        assertThat(e.isRetryable()).isFalse();
        assertThat(requests()).hasSize(1);
    }

    @Test
    void apiExceptionCarriesEverythingThePlatformSaid() {
        stubMessagesError(400, error(551, 1545041, "(#551) This person isn't available right now."));

        Exchange out = send("messenger:sendMessage", "to a blocked user");

        MessengerApiException e = (MessengerApiException) out.getException();
        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getCode()).isEqualTo(551);
        assertThat(e.getSubcode()).isEqualTo(1545041);
        assertThat(e.getType()).isEqualTo("OAuthException");
        assertThat(e.getFbtraceId()).isEqualTo("AbCdEf123");
        assertThat(e.getErrorMessage()).isEqualTo("(#551) This person isn't available right now.");
        assertThat(e.getMessage()).contains("551").contains("1545041").contains("AbCdEf123");
    }

    @Test
    void zeroRetriesMeansOneAttempt() {
        stubMessagesError(500, error(2, 0, "Service temporarily unavailable"));

        Exchange out = send("messenger:sendMessage?maxRetries=0", "once");

        assertThat(out.getException()).isInstanceOf(MessengerApiException.class);
        assertThat(requests()).hasSize(1);
    }
}
