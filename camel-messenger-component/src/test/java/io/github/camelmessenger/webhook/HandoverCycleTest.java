package io.github.camelmessenger.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole conversation routing cycle as a route would run it: the user asks for an agent, the bot passes the thread to
 * the Page Inbox, standby events flow while humans answer, a timer route takes control back after a delay, and the
 * bot answers again.
 */
class HandoverCycleTest {

    private static final String PAGE = "PAGE_1";
    private static final String USER = "USER_9";

    private WireMockServer graph;
    private WebhookTestServer server;
    private WebhookClient client;
    private final EventCollector standby = new EventCollector();
    private final Map<String, Long> handedOver = new ConcurrentHashMap<>();

    @BeforeEach
    void start() {
        graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        graph.start();
        graph.stubFor(post(urlPathMatching("/v25.0/[^/]+/messages")).willReturn(okJson("{\"message_id\":\"m_bot\"}")));
        graph.stubFor(post(urlPathMatching("/v25.0/[^/]+/(pass|take)_thread_control"))
                .willReturn(okJson("{\"success\":true}")));

        server = new WebhookTestServer().graphAt(graph.baseUrl());
        server.routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?verifyToken=" + WebhookClient.VERIFY_TOKEN + "&appSecret="
                     + WebhookClient.APP_SECRET).routeId("bot")
                        .choice()
                            .when(header(MessengerConstants.STANDBY).isEqualTo(true))
                                .process(standby)
                            .when(header(MessengerConstants.TEXT).isEqualToIgnoreCase("agent"))
                                .to("messenger:sendToInbox?metadata=asked for an agent")
                                .process(e -> handedOver.put(
                                        e.getMessage().getHeader(MessengerConstants.SENDER_ID, String.class),
                                        System.currentTimeMillis()))
                            .when(header(MessengerConstants.EVENT_TYPE).isEqualTo("message"))
                                .setBody(constant("The bot is back. How can I help?"))
                                .to("messenger:sendMessage")
                        .end();

                // clean up conversations left in the inbox: take them back after a delay
                from("timer:take-back?period=50").routeId("take-back")
                        .split(method(HandoverCycleTest.this, "due"))
                            .setHeader(MessengerConstants.RECIPIENT_ID, body())
                            .setHeader(MessengerConstants.PAGE_ID, constant(PAGE))
                            // off the list before the call: the timer does not wait for the asynchronous send, and
                            // a slow answer would otherwise let the next tick take the same conversation again
                            .process(e -> handedOver.remove(e.getMessage().getHeader(MessengerConstants.RECIPIENT_ID, String.class)))
                            .to("messenger:takeThreadControl?metadata=back to the bot");
            }
        }).start();
        client = new WebhookClient(server);
    }

    /** Users handed over more than 300 ms ago. */
    public java.util.List<String> due() {
        long cutoff = System.currentTimeMillis() - 300;
        return handedOver.entrySet().stream().filter(e -> e.getValue() < cutoff).map(Map.Entry::getKey).toList();
    }

    @AfterEach
    void stop() {
        server.close();
        graph.stop();
    }

    private static String messaging(String channel, String json) {
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + PAGE + "\",\"time\":1,\"" + channel + "\":[" + json
               + "]}]}";
    }

    private static String userMessage(String mid, String text) {
        return "{\"sender\":{\"id\":\"" + USER + "\"},\"recipient\":{\"id\":\"" + PAGE + "\"},\"timestamp\":"
               + System.currentTimeMillis() + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"" + text + "\"}}";
    }

    @Test
    void agentRequestHandoverStandbyTakeBackAndTheBotAnswersAgain() {
        // 1. the user asks for a human
        assertThat(client.post("/messenger/webhook", messaging("messaging", userMessage("m1", "agent"))).statusCode())
                .isEqualTo(200);
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/pass_thread_control"))
                .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + USER + "\"},"
                                             + "\"target_app_id\":263902037430900,\"metadata\":\"asked for an agent\"}")));

        // 2. humans answer in the inbox: this app only sees standby events and stays quiet
        String pass = "{\"sender\":{\"id\":\"" + USER + "\"},\"recipient\":{\"id\":\"" + PAGE + "\"},\"timestamp\":1,"
                      + "\"pass_thread_control\":{\"new_owner_app_id\":\"263902037430900\",\"metadata\":\"x\"}}";
        assertThat(client.post("/messenger/webhook", messaging("messaging", pass)).statusCode()).isEqualTo(200);
        assertThat(client.post("/messenger/webhook", messaging("standby", userMessage("m2", "my order is late")))
                .statusCode()).isEqualTo(200);
        assertThat(standby.awaitCount(1).get(0).header(MessengerConstants.TEXT)).isEqualTo("my order is late");
        graph.verify(0, postRequestedFor(urlPathMatching("/v25.0/[^/]+/messages")));

        // 3. after the delay the timer route takes control back
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> graph.verify(1,
                postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/take_thread_control"))
                        .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"" + USER + "\"},"
                                                     + "\"metadata\":\"back to the bot\"}"))));

        // 4. the bot answers the user's next message again
        assertThat(client.post("/messenger/webhook", messaging("messaging", userMessage("m3", "thanks"))).statusCode())
                .isEqualTo(200);
        graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/" + PAGE + "/messages"))
                .withRequestBody(matchingJsonPath("$.message.text", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("The bot is back. How can I help?")))
                .withRequestBody(matchingJsonPath("$.recipient.id",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(USER))));
    }
}
