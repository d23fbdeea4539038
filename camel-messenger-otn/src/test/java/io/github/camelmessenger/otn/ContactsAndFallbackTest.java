package io.github.camelmessenger.otn;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.otn.store.Contact;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Attributes, the fallback audience, option and header checks, bounded concurrency. */
class ContactsAndFallbackTest extends OtnRouteTestSupport {

    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the user tapped the user_email quick reply: its payload is the address
                from("direct:quickReply").setBody(header(MessengerConstants.QUICK_REPLY_PAYLOAD))
                        .to("messenger-otn:setAttribute?name=email");

                from("messenger-otn:withoutToken?topic=offers&repeatCount=1&initialDelay=0&batchSize=2")
                        .routeId("fallback").autoStartup(false).to("mock:fallback");
                from("messenger-otn:broadcast?topic=offers&repeatCount=1&initialDelay=0&batchSize=2")
                        .routeId("offers").autoStartup(false)
                        .setBody(constant("Offer")).to("messenger:sendMessage?maxRetries=0");

                from("messenger-otn:broadcast?topic=stop&delay=100&initialDelay=0&maxInFlight=2&batchSize=10")
                        .routeId("stop").autoStartup(false)
                        .setBody(constant("Slowly")).to("messenger:sendMessage?maxRetries=0");

                from("messenger-otn:broadcast?topic=slow&delay=100&initialDelay=0&maxInFlight=4&batchSize=5")
                        .routeId("slow").autoStartup(false)
                        .process(e -> maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max))
                        .setBody(constant("Slowly")).to("messenger:sendMessage?maxRetries=0")
                        .process(e -> concurrent.decrementAndGet());
            }
        };
    }

    private Exchange fromUser(String uri, String psid, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, psid);
            e.getMessage().getHeaders().putAll(headers);
            e.getMessage().setBody(body);
        });
    }

    @Test
    void quickReplyAttributesAreKeptAndRead() {
        Instant at = Instant.now().minusSeconds(10);
        fromUser("direct:quickReply", "ann", "ignored text", Map.of(MessengerConstants.QUICK_REPLY_PAYLOAD,
                "ann@example.org", MessengerConstants.TIMESTAMP, at.toEpochMilli()));
        fromUser("messenger-otn:setAttribute?name=phone", "ann", "+15551234567", Map.of());
        fromUser("messenger-otn:setAttribute", "ann", "Ann", Map.of(MessengerOtnConstants.OTN_ATTRIBUTE_NAME, "name"));

        Exchange read = fromUser("messenger-otn:getAttributes", "ann", "the body stays", Map.of());

        assertThat(read.getMessage().getHeader(MessengerOtnConstants.OTN_ATTRIBUTES))
                .isEqualTo(Map.of("email", "ann@example.org", "phone", "+15551234567", "name", "Ann"));
        assertThat(read.getMessage().getBody()).isEqualTo("the body stays");
        assertThat(store().findContact(PAGE, "ann").orElseThrow().lastInbound()).isEqualTo(at.truncatedTo(ChronoUnit.MILLIS));

        // an empty body removes the attribute; an unknown contact has none
        fromUser("messenger-otn:setAttribute?name=phone", "ann", null, Map.of());
        assertThat(store().attributes(PAGE, "ann")).containsOnlyKeys("email", "name");
        assertThat(fromUser("messenger-otn:getAttributes", "nobody", null, Map.of()).getMessage()
                .getHeader(MessengerOtnConstants.OTN_ATTRIBUTES)).isEqualTo(Map.of());
    }

    @Test
    void recordInboundUsesTheEventTimeOrNow() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        fromUser("messenger-otn:recordInbound", "bob", null, Map.of());
        assertThat(store().findContact(PAGE, "bob").orElseThrow().lastInbound()).isAfterOrEqualTo(before);

        Instant later = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        fromUser("messenger-otn:recordInbound", "bob", null, Map.of(MessengerConstants.TIMESTAMP, later.toString()));
        assertThat(store().findContact(PAGE, "bob").orElseThrow().lastInbound()).isEqualTo(later);
    }

    @Test
    void theTopicComesFromTheHeaderTheOptionOrThePayload() {
        Instant t = Instant.now();
        optIn("messenger-otn:store", "ann", "by-payload", "deals", t);
        optIn("messenger-otn:store?topic=offers", "ann", "by-option", "deals", t);
        template.send("messenger-otn:store?topic=offers", e -> {
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
            e.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, "ann");
            e.getMessage().setHeader(MessengerConstants.ONE_TIME_NOTIF_TOKEN, "by-header");
            e.getMessage().setHeader(MessengerOtnConstants.OTN_TOPIC, "news");
        });

        assertThat(stored("by-payload").token().topic()).isEqualTo("deals");
        assertThat(stored("by-option").token().topic()).isEqualTo("offers");
        assertThat(stored("by-option").token().payload()).isEqualTo("deals");
        assertThat(stored("by-header").token().topic()).isEqualTo("news");
        assertThat(stored("by-header").token().psid()).isEqualTo("ann");
    }

    @Test
    void missingInputFailsNamingTheHeader() {
        Exchange noToken = template.send("messenger-otn:store?topic=offers", e -> {
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, "ann");
        });
        assertThat(noToken.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("CamelMessengerOneTimeNotifToken").hasMessageContaining("required");

        Exchange noPage = template.send("messenger-otn:store?topic=offers", e -> {
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, "ann");
            e.getMessage().setHeader(MessengerConstants.ONE_TIME_NOTIF_TOKEN, "secret-token-value");
        });
        assertThat(noPage.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("CamelMessengerPageId").hasMessageNotContaining("secret-token-value");

        Exchange noUser = template.send("messenger-otn:getAttributes", e -> e.getMessage()
                .setHeader(MessengerConstants.PAGE_ID, PAGE));
        assertThat(noUser.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("CamelMessengerSenderId");

        Exchange noName = fromUser("messenger-otn:setAttribute", "ann", "x", Map.of());
        assertThat(noName.getException()).isInstanceOf(MessengerValidationException.class).hasMessageContaining("name");

        Exchange noTopic = template.send("messenger-otn:store", e -> {
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, "ann");
            e.getMessage().setHeader(MessengerConstants.ONE_TIME_NOTIF_TOKEN, "t");
        });
        assertThat(noTopic.getException()).isInstanceOf(MessengerValidationException.class).hasMessageContaining("topic");
        assertThat(store().findToken("t")).isEmpty();
    }

    @Test
    void badEndpointsFailWhenTheRouteIsBuilt() {
        assertThatThrownBy(() -> context.getEndpoint("messenger-otn:broadcast"))
                .hasRootCauseInstanceOf(MessengerValidationException.class).rootCause().hasMessageContaining("topic");
        assertThatThrownBy(() -> context.getEndpoint("messenger-otn:broadcast?topic=x&batchSize=5000"))
                .rootCause().hasMessageContaining("batchSize").hasMessageContaining("1000");
        assertThatThrownBy(() -> context.getEndpoint("messenger-otn:send")).rootCause()
                .hasMessageContaining("Unknown messenger-otn kind 'send'");
        assertThatThrownBy(() -> context.getEndpoint("messenger-otn:store").createConsumer(e -> {
        })).hasMessageContaining("producer endpoint");
        assertThatThrownBy(() -> context.getEndpoint("messenger-otn:broadcast?topic=x").createProducer())
                .hasMessageContaining("consumer endpoint");
    }

    @Test
    void holdersAndNonHoldersOfTheTopicAddUpToAllContacts() throws Exception {
        Instant t = Instant.now().minusSeconds(60);
        optIn("messenger-otn:store?topic=offers", "h1", "tok-h1", null, t);
        optIn("messenger-otn:store?topic=offers", "h2", "tok-h2", null, t);
        optIn("messenger-otn:store?topic=offers", "h3", "tok-h3", null, t);
        optIn("messenger-otn:store?topic=news", "n1", "tok-n1", null, t); // a token, but of another topic
        fromUser("messenger-otn:setAttribute?name=email", "n2", "n2@example.org", Map.of());
        fromUser("messenger-otn:setAttribute?name=phone", "n3", "+15550000003", Map.of());
        fromUser("messenger-otn:recordInbound", "n4", null, Map.of());
        MockEndpoint fallback = getMockEndpoint("mock:fallback");
        fallback.expectedMessageCount(4);

        // the fallback listing runs first, then the Messenger broadcast of the same occasion
        startRoute("fallback");
        fallback.assertIsSatisfied(10_000);
        startRoute("offers");
        await().atMost(Duration.ofSeconds(10)).until(() -> store().countTokens("offers", TokenStatus.CONSUMED) == 3);

        Set<String> nonHolders = new HashSet<>();
        for (Exchange e : fallback.getExchanges()) {
            nonHolders.add(e.getMessage().getHeader(MessengerConstants.RECIPIENT_ID, String.class));
            assertThat(e.getMessage().getHeader(MessengerConstants.PAGE_ID)).isEqualTo(PAGE);
            assertThat(e.getMessage().getHeader(MessengerOtnConstants.OTN_TOPIC)).isEqualTo("offers");
        }
        Map<String, Object> n2 = fallback.getExchanges().stream()
                .filter(e -> "n2".equals(e.getMessage().getHeader(MessengerConstants.RECIPIENT_ID)))
                .findFirst().orElseThrow().getMessage().getHeaders();
        assertThat(n2).containsEntry(MessengerOtnConstants.OTN_ATTRIBUTES, Map.of("email", "n2@example.org"));
        assertThat(fallback.getExchanges().stream()
                .filter(e -> "n4".equals(e.getMessage().getHeader(MessengerConstants.RECIPIENT_ID)))
                .findFirst().orElseThrow().getMessage().getHeader(MessengerOtnConstants.OTN_LAST_INBOUND))
                .isNotNull();

        Set<String> holders = new HashSet<>();
        for (String token : List.of("tok-h1", "tok-h2", "tok-h3", "tok-n1")) {
            if (!sendsTo(token).isEmpty()) {
                holders.add(stored(token).token().psid());
            }
        }
        Set<String> all = new HashSet<>();
        store().contacts(null, 1000).stream().map(Contact::psid).forEach(all::add);

        assertThat(holders).containsExactlyInAnyOrder("h1", "h2", "h3");
        assertThat(nonHolders).containsExactlyInAnyOrder("n1", "n2", "n3", "n4");
        assertThat(all).hasSize(holders.size() + nonHolders.size()).containsAll(holders).containsAll(nonHolders);
        assertThat(allSends()).hasSize(3);
    }

    @Test
    void aStoppedBroadcastReleasesWhatItClaimedButDidNotSend() throws Exception {
        graph.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .willReturn(okJson("{\"message_id\":\"m_slow\"}").withFixedDelay(200)));
        Instant t = Instant.now().minusSeconds(60);
        for (int i = 0; i < 40; i++) {
            optIn("messenger-otn:store?topic=stop", "user-" + i, "stop-" + i, null, t.plusSeconds(i));
        }
        startRoute("stop");
        await().atMost(Duration.ofSeconds(10)).until(() -> allSends().size() >= 4);

        stopRoute("stop");

        long consumed = store().countTokens("stop", TokenStatus.CONSUMED);
        assertThat(store().countTokens("stop", TokenStatus.CLAIMED)).as("nothing left waiting for a lease").isZero();
        assertThat(consumed).isEqualTo(allSends().size()).isLessThan(40);
        assertThat(store().countTokens("stop", TokenStatus.VALID)).isEqualTo(40 - consumed);
    }

    @Test
    void sendsOverlapUpToMaxInFlightAndNeverMore() throws Exception {
        graph.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .willReturn(okJson("{\"message_id\":\"m_slow\"}").withFixedDelay(300)));
        Instant t = Instant.now().minusSeconds(60);
        for (int i = 0; i < 12; i++) {
            optIn("messenger-otn:store?topic=slow", "user-" + i, "slow-" + i, null, t.plusSeconds(i));
        }

        startRoute("slow");
        await().atMost(Duration.ofSeconds(20)).until(() -> store().countTokens("slow", TokenStatus.CONSUMED) == 12);

        assertThat(maxConcurrent.get()).as("the route's async sends overlap, bounded by maxInFlight").isEqualTo(4);
        assertThat(allSends()).hasSize(12);
    }
}
