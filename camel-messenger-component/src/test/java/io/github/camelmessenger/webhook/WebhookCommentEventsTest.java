package io.github.camelmessenger.webhook;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.event.Comment;
import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.model.event.UnknownEvent;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: the {@code feed} field's comment events arrive as {@code comment} events with the comment and post in
 * headers, and a route answers one with a private reply, through real signed POSTs and WireMock as the Graph API.
 */
class WebhookCommentEventsTest {

    /** The comment was made a minute ago: a private reply is allowed within 7 days. */
    private static final long CREATED = System.currentTimeMillis() / 1000 - 60;

    private WireMockServer graph;
    private WebhookTestServer server;
    private WebhookClient client;
    private final EventCollector comments = new EventCollector();
    private final EventCollector viaInbox = new EventCollector();
    private final EventCollector others = new EventCollector();

    @BeforeEach
    void start() {
        graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        graph.start();
        graph.stubFor(post(urlPathMatching("/v25.0/[^/]+/messages"))
                .willReturn(okJson("{\"recipient_id\":\"USER_PSID\",\"message_id\":\"m_private\"}")));
        server = new WebhookTestServer().graphAt(graph.baseUrl())
                .bind("seen", MemoryIdempotentRepository.memoryIdempotentRepository(100))
                .bind("inbox", new JdbcWebhookInbox(TestDatabases.h2(), TestDatabases.uniqueTable("INBOX")))
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("messenger:webhook?webhookPath=/feed&eventTypes=comment,unknown&idempotentRepository=#seen"
                             + "&appSecret=" + WebhookClient.APP_SECRET)
                                .choice()
                                    .when(header(MessengerConstants.EVENT_TYPE).isEqualTo("comment"))
                                        .process(comments)
                                        .setBody(constant("Thanks for asking! It does, in three blues."))
                                        .to("messenger:sendMessage")
                                    .otherwise()
                                        .process(others);
                        from("messenger:webhook?webhookPath=/feed-inbox&eventTypes=comment&inbox=#inbox"
                             + "&inboxPollDelay=50&appSecret=" + WebhookClient.APP_SECRET)
                                .process(viaInbox);
                    }
                }).start();
        client = new WebhookClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
        graph.stop();
    }

    /** Meta's sample delivery, made recent. */
    private static byte[] recent() {
        return new String(WebhookClient.fixture("feed-comment.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("1520383571", Long.toString(CREATED)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aCommentArrivesAsACommentEventAndTheRouteAnswersItPrivately() {
        assertThat(client.post("/feed", recent()).statusCode()).isEqualTo(200);

        EventCollector.Received comment = comments.single();
        assertThat(comment.header(MessengerConstants.EVENT_TYPE)).isEqualTo("comment");
        assertThat(comment.header(MessengerConstants.COMMENT_ID)).isEqualTo("PAGE_1_POST_3_COMMENT_5");
        assertThat(comment.header(MessengerConstants.POST_ID)).isEqualTo("PAGE_1_POST_3");
        assertThat(comment.header(MessengerConstants.COMMENT_TIME)).isEqualTo(CREATED * 1000);
        assertThat(comment.header(MessengerConstants.TEXT)).isEqualTo("Does it come in blue?");
        assertThat(comment.header(MessengerConstants.SENDER_ID)).isEqualTo("USER_7");
        assertThat(comment.header(MessengerConstants.PAGE_ID)).isEqualTo("PAGE_1");
        assertThat(comment.event().type()).isEqualTo(MessengerEventType.COMMENT);
        Comment c = comment.event().comment();
        assertThat(c.verb()).isEqualTo("add");
        assertThat(c.parentId()).isEqualTo("PAGE_1_POST_3");
        assertThat(c.fromName()).isEqualTo("Cinderella Hoover");
        assertThat(c.toString()).doesNotContain("blue").doesNotContain("Cinderella");

        // the reply went to the comment, not to the commenter's id (which is no PSID)
        graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/PAGE_1/messages")).withRequestBody(equalToJson(
                "{\"recipient\":{\"comment_id\":\"PAGE_1_POST_3_COMMENT_5\"},"
                + "\"message\":{\"text\":\"Thanks for asking! It does, in three blues.\"}}", true, true)));

        // the feed's other changes come as unknown events named after their field, JSON kept
        EventCollector.Received other = others.single();
        assertThat(other.header(MessengerConstants.EVENT_TYPE)).isEqualTo("unknown");
        assertThat(other.event().payload()).isInstanceOfSatisfying(UnknownEvent.class, u -> {
            assertThat(u.kind()).isEqualTo("feed");
            assertThat(u.data().path("item").asText()).isEqualTo("reaction");
        });
    }

    @Test
    void aRedeliveredCommentRunsOnceAndIsAnsweredOnce() {
        byte[] delivery = recent();
        assertThat(client.post("/feed", delivery).statusCode()).isEqualTo(200);
        assertThat(client.post("/feed", delivery).statusCode()).isEqualTo(200);

        assertThat(comments.count()).isEqualTo(1);
        graph.verify(1, postRequestedFor(urlPathMatching("/v25.0/[^/]+/messages")));
    }

    @Test
    void aCommentStoredInTheInboxIsReadBackAsACommentEvent() {
        assertThat(client.post("/feed-inbox", recent()).statusCode()).isEqualTo(200);

        List<EventCollector.Received> received = viaInbox.awaitCount(1);
        await().pollDelay(java.time.Duration.ofMillis(200)).until(() -> true);
        assertThat(viaInbox.count()).as("the feed's reaction is no comment").isEqualTo(1);
        assertThat(received.get(0).header(MessengerConstants.COMMENT_ID)).isEqualTo("PAGE_1_POST_3_COMMENT_5");
        assertThat(received.get(0).event().comment().message()).isEqualTo("Does it come in blue?");
    }

    @Test
    void aCommentWithoutItsIdIsSetAsideAndTheOthersGoOn() {
        String delivery = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1520383571,\"changes\":["
                          + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"P\"}},"
                          + "{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\",\"post_id\":\"P\","
                          + "\"comment_id\":\"P_C2\",\"created_time\":" + CREATED + "}}]}]}";

        assertThat(client.post("/feed", delivery).statusCode()).isEqualTo(200);

        // no from: the platform may withhold who commented; the comment is still answerable
        EventCollector.Received comment = comments.single();
        assertThat(comment.header(MessengerConstants.COMMENT_ID)).isEqualTo("P_C2");
        assertThat(comment.header(MessengerConstants.SENDER_ID)).isNull();
        graph.verify(1, postRequestedFor(urlPathMatching("/v25.0/[^/]+/messages"))
                .withRequestBody(equalToJson("{\"recipient\":{\"comment_id\":\"P_C2\"}}", true, true)));
    }
}
