package io.github.camelmessenger.otn;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.otn.broadcast.BroadcastConsumer;
import io.github.camelmessenger.otn.store.MutableClock;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: {@code broadcast?topic=…&localTime=09:00&localWindow=PT2H} releases each holder's exchange only while it
 * is between 09:00 and 11:00 where the holder lives (contact attribute {@code timezone}, filled from getUserProfile;
 * {@code defaultTimeZone} for the others). Holders outside keep their tokens for a later poll. The clock is the
 * registry's, moved by the test.
 */
class LocalTimeBroadcastTest extends OtnRouteTestSupport {

    /** Today 08:30 UTC: 09:30 in Paris (UTC+1 in winter) and at UTC+1, 03:30 at UTC-5, 14:00 in Kolkata. */
    private final MutableClock clock = new MutableClock(
            LocalDate.now(ZoneOffset.UTC).atTime(8, 30).toInstant(ZoneOffset.UTC));

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        super.bindToRegistry(registry);
        registry.bind("clock", clock);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // one run per start: the next poll is an hour away
                from("messenger-otn:broadcast?topic=news&localTime=09:00&localWindow=PT2H&defaultTimeZone=UTC"
                     + "&delay=3600000&initialDelay=0").routeId("broadcast").autoStartup(false)
                        .setBody(constant("Good morning, here is the news"))
                        .to("messenger:sendMessage");
                // the contact's time zone as the platform gives it
                from("direct:profile")
                        .to("messenger:getUserProfile?fields=timezone")
                        .setBody(header(MessengerConstants.USER_TIMEZONE))
                        .to("messenger-otn:setAttribute?name=timezone");
            }
        };
    }

    private void holder(String psid, String timezone) {
        optIn("messenger-otn:store", psid, "tok-" + psid, "news", clock.instant());
        if (timezone != null) {
            Exchange set = template.send("messenger-otn:setAttribute?name=timezone", e -> {
                e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
                e.getMessage().setHeader(MessengerConstants.SENDER_ID, psid);
                e.getMessage().setBody(timezone);
            });
            assertThat(set.getException()).isNull();
        }
    }

    @Test
    void onlyTheHoldersInTheirMorningGetTheMessageTheOthersKeepTheirTokens() throws Exception {
        graph.stubFor(get(urlPathEqualTo("/v25.0/u-profile")).willReturn(okJson("{\"timezone\":1,\"id\":\"u-profile\"}")));
        optIn("messenger-otn:store", "u-profile", "tok-u-profile", "news", clock.instant());
        Exchange profiled = template.send("direct:profile", e -> {
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, "u-profile");
        });
        assertThat(profiled.getException()).isNull();
        holder("u-paris", "Europe/Paris");
        holder("u-newyork", "-5");
        holder("u-kolkata", "5.5");
        holder("u-utc", null);
        holder("u-garbled", "somewhere");

        startRoute("broadcast");
        BroadcastConsumer consumer = (BroadcastConsumer) context.getRoute("broadcast").getConsumer();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("tok-u-profile") == TokenStatus.CONSUMED
                                                           && status("tok-u-paris") == TokenStatus.CONSUMED);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getNotDueCount() == 4);
        stopRoute("broadcast");
        assertThat(consumer.getEmittedCount()).as("exchanges: only the two in their window").isEqualTo(2);
        for (String outside : new String[] { "u-newyork", "u-kolkata", "u-utc", "u-garbled" }) {
            assertThat(status("tok-" + outside)).as(outside + " keeps its token").isEqualTo(TokenStatus.VALID);
            assertThat(sendsTo("tok-" + outside)).as(outside).isEmpty();
        }

        // 45 minutes later it is 09:15 in UTC (the default zone, also for the garbled one); New York still sleeps
        clock.advance(Duration.ofMinutes(45));
        startRoute("broadcast");
        await().atMost(Duration.ofSeconds(30)).until(() -> status("tok-u-utc") == TokenStatus.CONSUMED
                                                           && status("tok-u-garbled") == TokenStatus.CONSUMED);
        stopRoute("broadcast");
        assertThat(status("tok-u-newyork")).isEqualTo(TokenStatus.VALID);
        assertThat(status("tok-u-kolkata")).isEqualTo(TokenStatus.VALID);

        // 14:00 UTC is 09:00 in New York
        clock.set(clock.instant().atZone(ZoneOffset.UTC).withHour(14).withMinute(0).toInstant());
        startRoute("broadcast");
        await().atMost(Duration.ofSeconds(30)).until(() -> status("tok-u-newyork") == TokenStatus.CONSUMED);
        stopRoute("broadcast");
        assertThat(status("tok-u-kolkata")).as("19:30 in Kolkata").isEqualTo(TokenStatus.VALID);
        for (String psid : new String[] { "u-profile", "u-paris", "u-utc", "u-garbled", "u-newyork" }) {
            assertThat(sendsTo("tok-" + psid)).as(psid + " got one message").hasSize(1);
        }
    }

    @Test
    void wrongWindowOptionsFailAtEndpointCreationNamingTheOption() {
        assertThatThrownBy(() -> context.getEndpoint("messenger-otn:broadcast?topic=t&localTime=25:00"))
                .isInstanceOf(ResolveEndpointFailedException.class).rootCause()
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("localTime")
                .hasMessageContaining("25:00");
        assertThatThrownBy(() -> context.getEndpoint("messenger-otn:broadcast?topic=t&localTime=09:00&localWindow=PT25H"))
                .rootCause().hasMessageContaining("localWindow").hasMessageContaining("24 hours");
        assertThatThrownBy(() -> context.getEndpoint("messenger-otn:broadcast?topic=t&localTime=09:00"
                                                     + "&defaultTimeZone=Mars/Olympus"))
                .rootCause().hasMessageContaining("defaultTimeZone").hasMessageContaining("Mars/Olympus");
    }
}
