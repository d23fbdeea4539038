package io.github.camelmessenger.faults;

import java.io.IOException;
import java.net.ServerSocket;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.camelmessenger.MessengerAmbiguousSendException;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerException;
import io.github.camelmessenger.producer.GraphApiTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 1: no duplicate sends on ambiguous failures. Each fault is injected by WireMock (or a closed port)
 * on the Send API; the count of requests that reached it is the number of times the user would get the message.
 */
class AmbiguousSendFaultTest extends GraphApiTestSupport {

    private static final String MESSAGES = "/v25.0/me/messages";

    @Test
    void aResetAfterTheRequestWasWrittenIsNotRetried() {
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange out = send("messenger:sendMessage", "hello");

        assertThat(out.getException()).isInstanceOf(MessengerAmbiguousSendException.class)
                .isInstanceOf(MessengerApiException.class)
                .hasMessageContaining("may have received it");
        assertThat(requests()).as("messages that reached the platform").hasSize(1);
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsNotRetried() {
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson("{\"message_id\":\"m_1\"}")
                .withFixedDelay(1500)));

        Exchange out = send("messenger:sendMessage?requestTimeout=300", "hello");

        assertThat(out.getException()).isInstanceOf(MessengerAmbiguousSendException.class);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aBare502FromAProxyIsNotRetried() {
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(502)
                .withBody("<html>Bad Gateway</html>")));

        Exchange out = send("messenger:sendMessage", "hello");

        assertThat(out.getException()).isInstanceOf(MessengerAmbiguousSendException.class);
        assertThat(((MessengerApiException) out.getException()).getHttpStatus()).isEqualTo(502);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void retryAmbiguousAsksForTheRetriesAndTheirDuplicates() {
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange out = send("messenger:sendMessage?retryAmbiguous=true&maxRetries=2", "hello");

        assertThat(out.getException()).isInstanceOf(MessengerAmbiguousSendException.class);
        assertThat(requests()).as("first attempt and two retries").hasSize(3);
    }

    @Test
    void aTemporaryErrorThePlatformAnsweredIsStillRetried() {
        stubMessagesError(500, error(2, 0, "Temporary"));

        Exchange out = send("messenger:sendMessage?maxRetries=2", "hello");

        assertThat(out.getException()).isInstanceOf(MessengerApiException.class)
                .isNotInstanceOf(MessengerAmbiguousSendException.class);
        assertThat(requests()).hasSize(3);
    }

    @Test
    void aRefusedConnectionNeverReachedThePlatformAndIsRetried() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        MessengerComponent refused = new MessengerComponent();
        refused.getConfiguration().setBaseUri("http://127.0.0.1:" + closedPort);
        refused.getConfiguration().setPageAccessToken(TOKEN);
        refused.getConfiguration().setRetryDelay(5);
        context.addComponent("refused", refused);

        Exchange out = send("refused:sendMessage?maxRetries=2", "hello");

        assertThat(out.getException()).isInstanceOf(MessengerException.class)
                .isNotInstanceOf(MessengerAmbiguousSendException.class)
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void theCallDeadlineEndsACallThatKeepsBeingRetried() {
        stubMessagesError(500, error(2, 0, "Temporary"));

        Exchange out = send("messenger:sendMessage?maxRetries=50&retryDelay=200&callTimeout=600", "hello");

        assertThat(out.getException()).isInstanceOf(MessengerException.class)
                .isNotInstanceOf(MessengerAmbiguousSendException.class)
                .hasMessageContaining("call timeout of 600 ms");
        assertThat(requests().size()).isBetween(1, 5);
    }

    @Test
    void theCallDeadlineEndsAWrittenRequestAsAmbiguous() {
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson("{\"message_id\":\"m_1\"}")
                .withFixedDelay(2000)));

        Exchange out = send("messenger:sendMessage?callTimeout=400", "hello");

        assertThat(out.getException()).isInstanceOf(MessengerAmbiguousSendException.class)
                .hasMessageContaining("call timeout of 400 ms");
        assertThat(requests()).hasSize(1);
    }

    static int unused() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
