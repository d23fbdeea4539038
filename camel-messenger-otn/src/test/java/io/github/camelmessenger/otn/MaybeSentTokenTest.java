package io.github.camelmessenger.otn;

import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, point 1: a broadcast send that may have reached the platform (the connection is reset after the request
 * was written, or the answer does not come in time) spends its token: the next polls never send it again.
 */
class MaybeSentTokenTest extends OtnRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:optin").to("messenger-otn:store?topic=offers");
                from("messenger-otn:broadcast?topic=offers&delay=100&initialDelay=0").routeId("offers")
                        .autoStartup(false)
                        .setBody(constant("Back in stock!")).to("messenger:sendMessage?requestTimeout=300");
            }
        };
    }

    @Test
    void aResetAfterTheTokensRequestWasWrittenConsumesItAndItIsNeverSentAgain() throws Exception {
        graph.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient.one_time_notif_token", equalTo("tok-reset")))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        graph.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient.one_time_notif_token", equalTo("tok-slow")))
                .willReturn(aResponse().withStatus(200).withBody("{\"message_id\":\"m_late\"}").withFixedDelay(1500)));
        optIn("ann", "tok-reset", "offers");
        optIn("bob", "tok-slow", "offers");
        optIn("cyd", "tok-fine", "offers");

        startRoute("offers");
        await().atMost(Duration.ofSeconds(20)).until(() -> store().countTokens("offers", TokenStatus.CONSUMED) == 3);
        Thread.sleep(600); // several more polls: nothing may be sent again
        stopRoute("offers");

        assertThat(sendsTo("tok-reset")).as("the reset token's sends").hasSize(1);
        assertThat(sendsTo("tok-slow")).as("the timed-out token's sends").hasSize(1);
        assertThat(sendsTo("tok-fine")).hasSize(1);
        assertThat(status("tok-reset")).isEqualTo(TokenStatus.CONSUMED);
        assertThat(status("tok-slow")).isEqualTo(TokenStatus.CONSUMED);
    }
}
