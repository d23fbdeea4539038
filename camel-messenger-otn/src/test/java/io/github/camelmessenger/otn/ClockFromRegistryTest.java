package io.github.camelmessenger.otn;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.OtnToken;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Clock in the registry is the component's time: a token stored without an event time starts at the clock's now. */
class ClockFromRegistryTest extends CamelTestSupport {

    private static final Instant NOW = Instant.parse("2031-06-01T08:00:00Z");

    @BindToRegistry("clock")
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aTokenStoredWithoutAnEventTimeExpiresAYearAfterTheClocksNow() {
        Exchange out = template.send("messenger-otn:store?topic=offers", e -> {
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, "1000");
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, "ann");
            e.getMessage().setHeader(MessengerConstants.ONE_TIME_NOTIF_TOKEN, "tok-clock");
        });

        assertThat(out.getException()).isNull();
        OtnStore store = context.getComponent("messenger-otn", MessengerOtnComponent.class).store();
        OtnToken token = store.findToken("tok-clock").orElseThrow().token();
        assertThat(token.createdAt()).isEqualTo(NOW);
        assertThat(out.getMessage().getHeader(MessengerOtnConstants.OTN_EXPIRES_AT, Instant.class))
                .isAfter(NOW.plus(364, ChronoUnit.DAYS));
    }
}
