package io.github.camelmessenger.otn;

import java.time.Duration;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: {@code messenger-otn:notify?topic=} claims one user's valid token, sets it for the following messenger
 * send and records the outcome; without a valid token the exchange says so (CamelMessengerOtnTokenFound=false).
 */
class NotifyTest extends OtnRouteTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:notify").to("messenger-otn:notify?topic=restock")
                        .choice()
                        .when(header(MessengerOtnConstants.OTN_TOKEN_FOUND).isEqualTo(true))
                            .setBody(constant("Back in stock"))
                            .to("messenger:sendMessage")
                        .otherwise()
                            .to("mock:fallback");
                from("direct:tokens").to("messenger-otn:tokens");
                from("direct:revoke").to("messenger-otn:revoke?topic=restock");
                from("direct:notifyButSkip").to("messenger-otn:notify?topic=restock").to("mock:skipped");
            }
        };
    }

    private Exchange notify(String uri, String psid) {
        return template.send(uri, e -> {
            e.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, psid);
            e.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
        });
    }

    @Test
    void aUserWithATokenIsNotifiedWithItAndTheTokenIsConsumed() {
        optIn("u1", "tok-1", "restock");
        optIn("u1", "tok-2", "restock");

        Exchange done = notify("direct:notify", "u1");

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(MessengerOtnConstants.OTN_TOKEN_FOUND)).isEqualTo(true);
        assertThat(sendsTo("tok-1")).as("the oldest token").hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> status("tok-1") == TokenStatus.CONSUMED);
        assertThat(status("tok-2")).isEqualTo(TokenStatus.VALID);

        notify("direct:notify", "u1");
        assertThat(sendsTo("tok-2")).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> status("tok-2") == TokenStatus.CONSUMED);
    }

    @Test
    void aUserWithoutAValidTokenIsToldSoAndTheRouteFallsBack() throws Exception {
        MockEndpoint fallback = getMockEndpoint("mock:fallback");
        fallback.expectedMessageCount(1);

        Exchange done = notify("direct:notify", "nobody");

        assertThat(done.getException()).isNull();
        assertThat(done.getMessage().getHeader(MessengerOtnConstants.OTN_TOKEN_FOUND)).isEqualTo(false);
        fallback.assertIsSatisfied();
        assertThat(graph.getAllServeEvents()).isEmpty();
    }

    @Test
    void aTokenClaimedButNotUsedByASendIsKept() {
        optIn("u2", "tok-kept", "restock");

        Exchange done = notify("direct:notifyButSkip", "u2");

        assertThat(done.getMessage().getHeader(MessengerOtnConstants.OTN_TOKEN_FOUND)).isEqualTo(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> status("tok-kept") == TokenStatus.VALID);
        assertThat(stored("tok-kept").status()).isEqualTo(TokenStatus.VALID);
    }

    @Test
    void aUsersTokensAreListedPerTopicAndRevokedWhenTheyUnsubscribe() {
        optIn("u3", "tok-r1", "restock");
        optIn("u3", "tok-r2", "restock");
        optIn("u3", "tok-s1", "sale");
        optIn("u4", "tok-other", "restock");

        assertThat(notify("direct:tokens", "u3").getMessage().getBody()).isEqualTo(java.util.Map.of("restock", 2,
                "sale", 1));
        Exchange revoked = notify("direct:revoke", "u3");
        assertThat(revoked.getMessage().getHeader(MessengerOtnConstants.OTN_REVOKED)).isEqualTo(2);
        assertThat(status("tok-r1")).isEqualTo(TokenStatus.RETIRED);
        assertThat(stored("tok-r2").reason()).isEqualTo("revoked");
        assertThat(notify("direct:tokens", "u3").getMessage().getBody()).isEqualTo(java.util.Map.of("sale", 1));
        assertThat(status("tok-other")).as("another user's token").isEqualTo(TokenStatus.VALID);

        Exchange none = notify("direct:notify", "u3");
        assertThat(none.getMessage().getHeader(MessengerOtnConstants.OTN_TOKEN_FOUND)).isEqualTo(false);
        assertThat(sendsTo("tok-r1")).isEmpty();
    }
}
