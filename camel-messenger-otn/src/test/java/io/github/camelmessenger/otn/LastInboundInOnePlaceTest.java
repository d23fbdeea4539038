package io.github.camelmessenger.otn;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerWindowClosedException;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.JdbcConversationStateRepository;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each user's last inbound time is kept in one place, the messenger component's conversation state: what
 * messenger-otn records, the 24-hour window check reads, and what the webhook consumer records, the contacts report.
 * With messenger-otn on a database and no state repository configured, that state is in the same database.
 */
class LastInboundInOnePlaceTest extends OtnRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:message").to("messenger-otn:recordInbound");
            }
        };
    }

    private ConversationStateRepository messengerState() {
        return context.getComponent("messenger", MessengerComponent.class).sharedStateRepository(null);
    }

    private Exchange fromUser(String uri, String psid, Instant at) {
        return template.send(uri, e -> {
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
            e.getMessage().setHeader(MessengerConstants.SENDER_ID, psid);
            e.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, psid);
            e.getMessage().setHeader(MessengerConstants.TIMESTAMP, at.toEpochMilli());
            e.getMessage().setBody("Hello");
        });
    }

    @Test
    void theMessengerComponentsStateIsOnTheSameDatabaseAsTheTokens() {
        store(); // started with the context
        assertThat(messengerState()).isInstanceOfSatisfying(JdbcConversationStateRepository.class,
                state -> assertThat(state.getDataSource()).isSameAs(pool));
    }

    @Test
    void whatMessengerOtnRecordsTheWindowCheckReads() {
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        fromUser("direct:message", "ann", twoDaysAgo);

        Exchange late = fromUser("messenger:sendMessage", "ann", Instant.now());
        assertThat(late.getException()).isInstanceOf(MessengerWindowClosedException.class);
        assertThat(sendsToPsid("ann")).isEmpty();

        fromUser("direct:message", "ann", Instant.now().minusSeconds(5));
        assertThat(fromUser("messenger:sendMessage", "ann", Instant.now()).getException()).isNull();
        assertThat(sendsToPsid("ann")).hasSize(1);
    }

    @Test
    void whatTheWebhookConsumerRecordsTheContactsReport() {
        store().setAttribute(PAGE, "bob", "email", "bob@example.org");
        Instant at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);

        messengerState().recordInbound(PAGE, "bob", at); // as the webhook consumer does for each inbound event

        assertThat(store().findContact(PAGE, "bob").orElseThrow().lastInbound()).isEqualTo(at);
        assertThat(store().contacts(null, 10)).singleElement()
                .satisfies(c -> assertThat(c.lastInbound()).isEqualTo(at));
        // and it is in the database: a restart keeps it
        assertThat(new JdbcConversationStateRepository(pool).lastInbound(PAGE, "bob")).contains(at);
    }
}
