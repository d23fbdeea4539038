package io.github.camelmessenger.otn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.otn.broadcast.BroadcastConsumer;
import io.github.camelmessenger.otn.store.JdbcOtnStore;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The One-Time Notification flows end to end: opt-in exchange → store → broadcast route → Graph API (WireMock), on an
 * H2 database autowired from the registry.
 */
class BroadcastFlowTest extends OtnRouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // what a bot does with a webhook opt-in: keep the token, thank the user
                from("direct:optin").to("messenger-otn:store?topic=offers")
                        .setBody(constant("Thanks! We will let you know.")).to("messenger:sendMessage");

                from("messenger-otn:broadcast?topic=offers&delay=100&initialDelay=0").routeId("offers").autoStartup(false)
                        .setBody(simple("Back in stock, ${header.CamelMessengerOtnAttributes[name]}!"))
                        .to("messenger:sendMessage?maxRetries=0");

                from("messenger-otn:broadcast?topic=once&delay=100&initialDelay=0&cooldown=1h").routeId("once")
                        .autoStartup(false)
                        .setBody(constant("Only one")).to("messenger:sendMessage?maxRetries=0");

                from("messenger-otn:broadcast?topic=news&delay=100&initialDelay=0").routeId("news").autoStartup(false)
                        .setBody(constant("News")).to("messenger:sendMessage?maxRetries=0").to("mock:news");

                // the user comes back: remember it, ask for a new token
                from("direct:message").to("messenger-otn:recordInbound")
                        .to("messenger:sendOneTimeNotificationRequest?title=Tell me about offers&payload=offers");
            }
        };
    }

    @Test
    void theStoreAutowiresTheRegistrysOnlyDataSource() {
        assertThat(store()).isInstanceOf(JdbcOtnStore.class);
    }

    @Test
    void optInStoredThenBroadcastSendsOneMessagePerHolderToItsTokenAndConsumesIt() throws Exception {
        // the opt-in is the user's last message: the thank-you right after it is inside the 24-hour window (the same
        // last inbound time the webhook consumer would have recorded for the event)
        Instant optedIn = Instant.now().minus(Duration.ofHours(1));
        Exchange ann = optIn("direct:optin", "ann", "tok-ann", "offers", optedIn);
        optIn("direct:optin", "bob", "tok-bob", "offers", optedIn.plusSeconds(1));
        optIn("direct:optin", "cyd", "tok-cyd", "offers", optedIn.plusSeconds(2));
        store().setAttribute(PAGE, "ann", "name", "Ann");

        // stored, and the thank-you went to the user, not to the token: the token is left for the broadcast
        assertThat(ann.getException()).isNull();
        assertThat(ann.getMessage().getHeader(MessengerConstants.ONE_TIME_NOTIF_TOKEN)).isNull();
        assertThat(ann.getMessage().getHeader(MessengerOtnConstants.OTN_STORED)).isEqualTo(true);
        assertThat(stored("tok-ann").token().createdAt()).isEqualTo(optedIn.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(stored("tok-ann").token().expiresAt()).isEqualTo(stored("tok-ann").token().createdAt().plus(Duration.ofDays(365)));
        assertThat(sendsToPsid("ann")).hasSize(1);
        assertThat(allSends()).hasSize(3);
        assertThat(store().findContact(PAGE, "ann").orElseThrow().lastInbound()).isNotNull();
        resetGraphRequests();

        startRoute("offers");

        await().atMost(Duration.ofSeconds(10)).until(() -> store().countTokens("offers", TokenStatus.CONSUMED) == 3);
        Thread.sleep(300); // a few more polls: nothing more may be sent
        stopRoute("offers");
        assertThat(allSends()).hasSize(3);
        for (String token : List.of("tok-ann", "tok-bob", "tok-cyd")) {
            assertThat(sendsTo(token)).as(token).hasSize(1);
            assertThat(status(token)).isEqualTo(TokenStatus.CONSUMED);
        }
        JsonNode toAnn = JSON.readTree(sendsTo("tok-ann").get(0).getBodyAsString());
        assertThat(toAnn.path("recipient").size()).as("only the token addresses the message").isEqualTo(1);
        assertThat(toAnn.path("message").path("text").asText()).isEqualTo("Back in stock, Ann!");
        assertThat(toAnn.has("messaging_type")).isFalse();
    }

    @Test
    void aRedeliveredOptInIsStoredOnceAndNeverRevivesAUsedToken() throws Exception {
        optIn("psid-1", "tok-1", "offers");
        startRoute("offers");
        await().atMost(Duration.ofSeconds(10)).until(() -> status("tok-1") == TokenStatus.CONSUMED);

        Exchange again = optIn("psid-1", "tok-1", "offers");

        assertThat(again.getMessage().getHeader(MessengerOtnConstants.OTN_STORED)).isEqualTo(false);
        Thread.sleep(300);
        assertThat(status("tok-1")).isEqualTo(TokenStatus.CONSUMED);
        assertThat(sendsTo("tok-1")).hasSize(1);
    }

    @Test
    void aHolderOfSeveralTokensGetsOneMessagePerOccasion() throws Exception {
        Instant t = Instant.now().minusSeconds(60);
        optIn("messenger-otn:store?topic=once", "ann", "once-1", null, t);
        optIn("messenger-otn:store?topic=once", "ann", "once-2", null, t.plusSeconds(1));
        optIn("messenger-otn:store?topic=once", "bob", "once-3", null, t.plusSeconds(2));

        startRoute("once");
        await().atMost(Duration.ofSeconds(10)).until(() -> store().countTokens("once", TokenStatus.CONSUMED) == 2);
        Thread.sleep(500); // five more polls: the cooldown keeps ann's second token for the next occasion
        stopRoute("once");

        assertThat(sendsTo("once-1")).hasSize(1);
        assertThat(sendsTo("once-2")).isEmpty();
        assertThat(status("once-2")).isEqualTo(TokenStatus.VALID);
        assertThat(sendsTo("once-3")).hasSize(1);
    }

    @Test
    void transientErrorsReleaseTheTokenAndPermanentOnesRetireIt() throws Exception {
        Instant t = Instant.now().minusSeconds(60);
        String[] tokens = { "ok", "down-2", "down-500", "used-100", "denied-10", "gone-551" };
        for (int i = 0; i < tokens.length; i++) {
            optIn("messenger-otn:store?topic=offers", "user-" + i, tokens[i], "offers", t.plusSeconds(i));
        }
        failSendsTo("down-2", 500, 2, 0, "An unexpected error has occurred. Please retry your request later.");
        graph.stubFor(post(
                urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath(
                        "$.recipient.one_time_notif_token",
                        equalTo("down-500")))
                // a 503 without a Graph error: not sent, try later (a bare 502/504 may have been delivered, and
                // consumes the token: MaybeSentTokenTest)
                .willReturn(aResponse().withStatus(503)));
        failSendsTo("used-100", 400, 100, 0, "(#100) The one-time notification token has been used");
        failSendsTo("denied-10", 400, 10, 0, "(#10) Application does not have permission for this action");
        failSendsTo("gone-551", 400, 551, 1545041, "This person isn't available right now.");

        startRoute("offers");
        // the transient ones come back on later polls: at least three tries each
        await().atMost(Duration.ofSeconds(10)).until(() -> sendsTo("down-2").size() >= 3 && sendsTo("down-500").size() >= 3);
        stopRoute("offers");

        assertThat(status("ok")).isEqualTo(TokenStatus.CONSUMED);
        assertThat(status("down-2")).isEqualTo(TokenStatus.VALID);
        assertThat(status("down-500")).isEqualTo(TokenStatus.VALID);
        assertThat(stored("used-100").status()).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("used-100").reason()).startsWith("code 100: ").contains("has been used");
        assertThat(stored("denied-10").status()).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("gone-551").status()).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("gone-551").reason()).contains("551/1545041");
        // permanent refusals are tried exactly once; the consumed token is never sent again
        assertThat(sendsTo("ok")).hasSize(1);
        assertThat(sendsTo("used-100")).hasSize(1);
        assertThat(sendsTo("denied-10")).hasSize(1);
        assertThat(sendsTo("gone-551")).hasSize(1);
        BroadcastConsumer consumer = (BroadcastConsumer) context.getRoute("offers").getConsumer();
        assertThat(consumer.getConsumedCount()).isEqualTo(1);
        assertThat(consumer.getRetiredCount()).isEqualTo(3);
        assertThat(consumer.getReleasedCount()).isGreaterThanOrEqualTo(6);

        // the Graph API recovers: the released tokens are sent on the next run
        graph.resetMappings();
        graph.stubFor(post(
                urlPathMatching(MESSAGES))
                .willReturn(okJson("{\"message_id\":\"m_1\"}")));
        startRoute("offers");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status("down-2") == TokenStatus.CONSUMED && status("down-500") == TokenStatus.CONSUMED);
        assertThat(status("used-100")).isEqualTo(TokenStatus.RETIRED);
    }

    @Test
    void anInvalidPageTokenReleasesTheTokensAndEndsTheRunInsteadOfRetiringThem() throws Exception {
        Instant t = Instant.now().minusSeconds(60);
        for (int i = 0; i < 30; i++) {
            optIn("messenger-otn:store?topic=offers", "user-" + i, "tok-" + i, "offers", t.plusSeconds(i));
        }
        graph.resetMappings();
        graph.stubFor(post(
                urlPathMatching(MESSAGES))
                .willReturn(aResponse().withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(error(190, 460, "Error validating access token"))));

        startRoute("offers");
        await().atMost(Duration.ofSeconds(10)).until(() -> allSends().size() >= 30);
        stopRoute("offers");

        assertThat(store().countTokens("offers", TokenStatus.RETIRED)).isZero();
        assertThat(store().countTokens("offers", TokenStatus.CONSUMED)).isZero();
        assertThat(store().countTokens("offers", TokenStatus.VALID)).isEqualTo(30);
    }

    @Test
    void anExpiredTokenIsNeverSent() throws Exception {
        Instant now = Instant.now();
        optIn("messenger-otn:store?topic=offers", "old", "tok-expired", "offers", now.minus(Duration.ofDays(366)));
        optIn("messenger-otn:store?topic=offers", "new", "tok-fresh", "offers", now.minus(Duration.ofDays(364)));

        startRoute("offers");
        await().atMost(Duration.ofSeconds(10)).until(() -> status("tok-fresh") == TokenStatus.CONSUMED);
        Thread.sleep(300);
        stopRoute("offers");

        assertThat(sendsTo("tok-expired")).isEmpty();
        assertThat(stored("tok-expired").status()).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("tok-expired").reason()).isEqualTo("expired");
        assertThat(allSends()).hasSize(1);
    }

    @Test
    void aUserWhoseTokenWasUsedIsAskedAgainWhenBackAndTheNewTokenIsSentLater() throws Exception {
        optIn("direct:optin", "ann", "first", "offers", Instant.now().minusSeconds(60));
        startRoute("offers");
        await().atMost(Duration.ofSeconds(10)).until(() -> status("first") == TokenStatus.CONSUMED);
        stopRoute("offers");
        resetGraphRequests();

        // ann answers the notification: the window is open again, the bot asks for a new token
        Instant back = Instant.now();
        template.send("direct:message", e -> {
            e.getMessage().setHeader(MessengerConstants.EVENT_TYPE, "message");
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, "ann");
            e.getMessage().setHeader(MessengerConstants.TIMESTAMP, back.toEpochMilli());
            e.getMessage().setBody("Great, thanks!");
        });
        List<LoggedRequest> request = sendsToPsid("ann");
        assertThat(request).hasSize(1);
        JsonNode template = JSON.readTree(request.get(0).getBodyAsString()).path("message").path("attachment")
                .path("payload");
        assertThat(template.path("template_type").asText()).isEqualTo("one_time_notif_req");
        assertThat(template.path("payload").asText()).isEqualTo("offers");
        assertThat(store().findContact(PAGE, "ann").orElseThrow().lastInbound())
                .isEqualTo(back.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        // she taps Notify Me again: a new token, sent on the next occasion
        optIn("direct:optin", "ann", "second", "offers", Instant.now());
        assertThat(status("second")).isEqualTo(TokenStatus.VALID);
        startRoute("offers");
        await().atMost(Duration.ofSeconds(10)).until(() -> status("second") == TokenStatus.CONSUMED);

        assertThat(sendsTo("first")).isEmpty();
        assertThat(sendsTo("second")).hasSize(1);
    }

    @Test
    void theBroadcastExchangeCarriesTheHolderTopicPayloadAndAttributes() throws Exception {
        optIn("messenger-otn:store?topic=news", "ann", "tok-news", "{\"sku\":42}", Instant.now().minusSeconds(5));
        store().setAttribute(PAGE, "ann", "email", "ann@example.org");
        MockEndpoint news = getMockEndpoint("mock:news");
        news.expectedMessageCount(1);

        startRoute("news");

        news.assertIsSatisfied(10_000);
        Map<String, Object> headers = news.getExchanges().get(0).getMessage().getHeaders();
        assertThat(headers).containsEntry(MessengerConstants.RECIPIENT_ID, "ann")
                .containsEntry(MessengerConstants.PAGE_ID, PAGE)
                .containsEntry(MessengerConstants.ONE_TIME_NOTIF_TOKEN, "tok-news")
                .containsEntry(MessengerOtnConstants.OTN_TOPIC, "news")
                .containsEntry(MessengerConstants.OPTIN_PAYLOAD, "{\"sku\":42}")
                .containsEntry(MessengerOtnConstants.OTN_ATTRIBUTES, Map.of("email", "ann@example.org"))
                .containsEntry(MessengerOtnConstants.OTN_EXPIRES_AT, stored("tok-news").token().expiresAt());
        await().atMost(Duration.ofSeconds(5)).until(() -> status("tok-news") == TokenStatus.CONSUMED);
    }
}
