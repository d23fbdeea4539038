package io.github.camelmessenger.producer;

import java.time.Duration;
import java.util.Map;

import io.github.camelmessenger.MessengerThreadControlException;
import io.github.camelmessenger.MessengerValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Conversation routing (formerly the handover protocol) operations. */
class ThreadControlProducerTest extends GraphApiTestSupport {

    @org.junit.jupiter.api.BeforeEach
    void stubThreadControl() {
        graph.stubFor(post(urlPathMatching("/v25.0/[^/]+/(pass|take|request|release|extend)_thread_control"))
                .willReturn(okJson("{\"success\":true}")));
    }

    @Test
    void sendToInboxPassesControlToThePageInbox() {
        Exchange out = send("messenger:sendToInbox?metadata=wants a human", null);

        assertThat(out.getException()).isNull();
        assertOnlyRequest("/v25.0/me/pass_thread_control", """
                {"recipient":{"id":"%s"},"target_app_id":263902037430900,"metadata":"wants a human"}
                """.formatted(PSID));
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"success\":true}");
    }

    @Test
    void giveThreadControlToTheAppOfTheHeader() {
        send("messenger:giveThreadControl?targetAppId=111", null,
                Map.of("CamelMessengerTargetAppId", "222", "CamelMessengerPageId", "1122"));

        assertOnlyRequest("/v25.0/1122/pass_thread_control", """
                {"recipient":{"id":"%s"},"target_app_id":222}
                """.formatted(PSID));
    }

    @Test
    void giveThreadControlWithoutATargetIsRejected() {
        Exchange out = send("messenger:giveThreadControl", null);

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("target_app_id");
        assertNoRequest();
    }

    @Test
    void takeRequestAndReleaseCarryTheMetadata() {
        for (String op : new String[] { "take", "request", "release" }) {
            graph.resetRequests();
            Exchange out = send("messenger:" + op + "ThreadControl", null, Map.of("CamelMessengerMetadata", op + "-md"));
            assertThat(out.getException()).isNull();
            assertOnlyRequest("/v25.0/me/" + op + "_thread_control", """
                    {"recipient":{"id":"%s"},"metadata":"%s-md"}
                    """.formatted(PSID, op));
        }
    }

    @Test
    void extendThreadControlUpToSevenDays() {
        send("messenger:extendThreadControl?duration=PT48H", null);
        assertOnlyRequest("/v25.0/me/extend_thread_control", """
                {"recipient":{"id":"%s"},"duration":172800}
                """.formatted(PSID));

        graph.resetRequests();
        send("messenger:extendThreadControl", null, Map.of("CamelMessengerDuration", Duration.ofDays(7)));
        assertOnlyRequest("/v25.0/me/extend_thread_control", """
                {"recipient":{"id":"%s"},"duration":604800}
                """.formatted(PSID));

        graph.resetRequests();
        Exchange tooLong = send("messenger:extendThreadControl", null, Map.of("CamelMessengerDuration", "P8D"));
        assertThat(tooLong.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("duration").hasMessageContaining("7 days").hasMessageContaining("691200");
        assertNoRequest();
    }

    @Test
    void getThreadOwnerSetsTheOwnerAndExpiration() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/me/thread_owner")).willReturn(okJson(
                "{\"data\":[{\"thread_owner\":{\"app_id\":\"263902037430900\",\"expiration\":1760000000}}]}")));

        Exchange out = send("messenger:getThreadOwner", null);

        assertThat(out.getException()).isNull();
        graph.verify(getRequestedFor(urlPathEqualTo("/v25.0/me/thread_owner")).withQueryParam("recipient", equalTo(PSID)));
        assertThat(out.getMessage().getHeader("CamelMessengerThreadOwnerAppId")).isEqualTo("263902037430900");
        assertThat(out.getMessage().getHeader("CamelMessengerThreadControlExpiration")).isEqualTo(1760000000L);
        assertThat(out.getMessage().getBody(String.class)).contains("thread_owner");
    }

    @Test
    void anIdleThreadIsANormalAnswer() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/me/thread_owner")).willReturn(okJson("{\"data\":[]}")));

        Exchange out = send("messenger:getThreadOwner", null, Map.of("CamelMessengerThreadOwnerAppId", "stale"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"data\":[]}");
    }

    @Test
    void anIdleThreadLeavesNoStaleOwnerFromTheIncomingExchange() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/me/thread_owner")).willReturn(okJson("{\"data\":[]}")));

        Exchange out = send("messenger:getThreadOwner", null, Map.of("CamelMessengerThreadOwnerAppId", "stale-app",
                "CamelMessengerThreadControlExpiration", 1700000000L));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeaders()).doesNotContainKeys("CamelMessengerThreadOwnerAppId",
                "CamelMessengerThreadControlExpiration");
    }

    @Test
    void aThreadOwnerAnswerReplacesTheIncomingOwner() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/me/thread_owner")).willReturn(okJson(
                "{\"data\":[{\"thread_owner\":{\"app_id\":\"263902037430900\"}}]}")));

        Exchange out = send("messenger:getThreadOwner", null, Map.of("CamelMessengerThreadOwnerAppId", "stale-app",
                "CamelMessengerThreadControlExpiration", 1700000000L));

        assertThat(out.getMessage().getHeader("CamelMessengerThreadOwnerAppId")).isEqualTo("263902037430900");
        assertThat(out.getMessage().getHeaders()).doesNotContainKey("CamelMessengerThreadControlExpiration");
    }

    @Test
    void anotherAppControllingTheThreadIsADedicatedException() {
        graph.stubFor(post("/v25.0/me/messages").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(error(2018300, 0, "Another app is controlling this thread now"))));

        Exchange out = send("messenger:sendMessage", "not my thread");

        assertThat(out.getException()).isInstanceOf(MessengerThreadControlException.class);
        assertThat(((MessengerThreadControlException) out.getException()).getCode()).isEqualTo(2018300);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aSendCanPassControlAfterItsMessage() {
        send("messenger:sendMessage?threadControl=pass&targetAppId=263902037430900", "A human will answer");

        assertOnlyRequest("/v25.0/me/messages", """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"A human will answer"},
                 "thread_control":{"control_type":"pass","app_id":"263902037430900"}}
                """.formatted(PSID));
    }
}
