package io.github.camelmessenger.producer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.camelmessenger.MessengerAmbiguousSendException;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.SendRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: private replies. A send addressed to a comment or a visitor post (headers or typed recipient) goes out
 * with that recipient; a second reply to the same comment, or one later than 7 days after it, is refused before any
 * call; a reply that certainly failed may be sent again, one that may have gone out may not.
 */
class PrivateReplyTest extends GraphApiTestSupport {

    private static final String MESSAGES = "/v25.0/me/messages";

    /** Sends like a route on a comment event: no CamelMessengerRecipientId, the commenter as sender. */
    private Exchange reply(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            Map<String, Object> all = new HashMap<>(headers);
            all.putIfAbsent(MessengerConstants.SENDER_ID, "USER_7");
            exchange.getMessage().setHeaders(all);
            exchange.getMessage().setBody(body);
        });
    }

    @Test
    void theCommentHeaderAddressesTheReplyToTheCommentNotToTheSender() {
        Exchange out = reply("messenger:sendMessage", "Thanks!", Map.of(MessengerConstants.COMMENT_ID, "C_1",
                MessengerConstants.POST_ID, "P_1"));

        assertThat(out.getException()).isNull();
        assertOnlyRequest(MESSAGES, "{\"recipient\":{\"comment_id\":\"C_1\"},\"messaging_type\":\"RESPONSE\","
                                    + "\"message\":{\"text\":\"Thanks!\"}}");
    }

    @Test
    void thePostHeaderAloneAddressesAVisitorPost() {
        Exchange out = reply("messenger:sendMessage", "Thanks for your post", Map.of(MessengerConstants.POST_ID, "P_2"));

        assertThat(out.getException()).isNull();
        assertOnlyRequest(MESSAGES, "{\"recipient\":{\"post_id\":\"P_2\"},\"messaging_type\":\"RESPONSE\","
                                    + "\"message\":{\"text\":\"Thanks for your post\"}}");
    }

    @Test
    void anExplicitRecipientIdStillWins() {
        Exchange out = send("messenger:sendMessage", "hi", Map.of(MessengerConstants.COMMENT_ID, "C_3"));

        assertThat(out.getException()).isNull();
        assertOnlyRequest(MESSAGES, "{\"recipient\":{\"id\":\"" + PSID + "\"},\"messaging_type\":\"RESPONSE\","
                                    + "\"message\":{\"text\":\"hi\"}}");
    }

    @Test
    void theTypedRecipientAndAMapBodyReachTheSameRequest() {
        Exchange typed = reply("messenger:sendMessage", SendRequest.builder().recipient(Recipient.commentId("C_4"))
                .message(Message.text("typed")).build(), Map.of());
        Exchange map = reply("messenger:sendMessage",
                Map.of("recipient", Map.of("comment_id", "C_5"), "message", Map.of("text", "map")), Map.of());

        assertThat(typed.getException()).isNull();
        assertThat(map.getException()).isNull();
        assertThat(requests()).extracting(r -> r.getBodyAsString())
                .anySatisfy(b -> assertThat(b).contains("\"comment_id\":\"C_4\"").contains("typed"))
                .anySatisfy(b -> assertThat(b).contains("\"comment_id\":\"C_5\"").contains("map"));
    }

    @Test
    void aSecondReplyToTheSameCommentIsRefusedBeforeAnyCall() {
        assertThat(reply("messenger:sendMessage", "first", Map.of(MessengerConstants.COMMENT_ID, "C_6"))
                .getException()).isNull();
        // also through another endpoint and another input form: the component remembers the comment
        Exchange second = reply("messenger:sendGenericTemplate?title=Blue", Map.of("recipient",
                Map.of("comment_id", "C_6"), "message", Map.of("text", "second")), Map.of());

        assertThat(second.getException()).isInstanceOfSatisfying(MessengerValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("recipient.comment_id");
            assertThat(e.getLimit()).contains("one private reply per comment");
            assertThat(e.getValue()).isEqualTo("\"C_6\"");
        });
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aReplyLaterThanSevenDaysAfterTheCommentIsRefusedBeforeAnyCall() {
        long eightDaysAgo = System.currentTimeMillis() - Duration.ofDays(8).toMillis();
        long sixDaysAgo = System.currentTimeMillis() - Duration.ofDays(6).toMillis();

        Exchange late = reply("messenger:sendMessage", "late", Map.of(MessengerConstants.COMMENT_ID, "C_7",
                MessengerConstants.COMMENT_TIME, eightDaysAgo));

        assertThat(late.getException()).isInstanceOfSatisfying(MessengerValidationException.class, e -> {
            assertThat(e.getField()).isEqualTo("recipient.comment_id");
            assertThat(e.getMessage()).contains("within 7 days").contains("C_7");
        });
        assertNoRequest();
        assertThat(reply("messenger:sendMessage", "in time", Map.of(MessengerConstants.COMMENT_ID, "C_7",
                MessengerConstants.COMMENT_TIME, sixDaysAgo)).getException()).isNull();
        assertThat(requests()).hasSize(1);
    }

    @Test
    void aReplyThePlatformRefusedMayBeSentAgain() {
        stubMessagesError(400, error(100, 2018109, "Invalid parameter"));
        assertThat(reply("messenger:sendMessage", "first", Map.of(MessengerConstants.COMMENT_ID, "C_8"))
                .getException()).isInstanceOf(MessengerApiException.class);

        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson("{\"message_id\":\"m_2\"}")));
        assertThat(reply("messenger:sendMessage", "again", Map.of(MessengerConstants.COMMENT_ID, "C_8"))
                .getException()).isNull();
        assertThat(requests()).hasSize(2);
    }

    @Test
    void aReplyThatMayHaveGoneOutIsNotSentAgain() {
        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(reply("messenger:sendMessage", "first", Map.of(MessengerConstants.COMMENT_ID, "C_9"))
                .getException()).isInstanceOf(MessengerAmbiguousSendException.class);

        graph.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(okJson("{\"message_id\":\"m_2\"}")));
        assertThat(reply("messenger:sendMessage", "again", Map.of(MessengerConstants.COMMENT_ID, "C_9"))
                .getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("one private reply per comment");
        assertThat(requests()).hasSize(1);
    }

    @Test
    void theWindowCheckDoesNotApplyToComments() {
        // the commenter never wrote to the Page: no 24-hour window stands in the way of the one reply
        Exchange out = reply("messenger:sendMessage?windowPolicy=reject", "hello",
                Map.of(MessengerConstants.COMMENT_ID, "C_10"));

        assertThat(out.getException()).isNull();
        assertThat(requests()).hasSize(1);
    }
}
