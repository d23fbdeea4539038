package io.github.camelmessenger.otn;

import java.time.Instant;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.otn.store.InMemoryOtnStore;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a DataSource in the registry the component keeps tokens in memory (and warns at start). */
class InMemoryDefaultTest extends CamelTestSupport {

    @Test
    void withoutADataSourceTokensAreKeptInMemory() {
        template.send("messenger-otn:store?topic=offers", e -> {
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, "1000");
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, "ann");
            e.getMessage().setHeader(MessengerConstants.ONE_TIME_NOTIF_TOKEN, "tok-mem");
            e.getMessage().setHeader(MessengerConstants.TIMESTAMP, Instant.now().toEpochMilli());
        });

        OtnStore store = context.getComponent("messenger-otn", MessengerOtnComponent.class).store();
        assertThat(store).isInstanceOf(InMemoryOtnStore.class);
        assertThat(store.findToken("tok-mem").orElseThrow().status()).isEqualTo(TokenStatus.VALID);
    }
}
