package io.github.camelmessenger.springboot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelmessenger.springboot.SignedWebhookClient.delivery;
import static io.github.camelmessenger.springboot.SignedWebhookClient.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application configured by application properties only: the webhook is served by the servlet-based
 * platform-http (Spring MVC) on a random port, a signed delivery is answered through the Send API of a WireMock
 * Graph API.
 */
@CamelSpringBootTest
@SpringBootTest(classes = WebhookBotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "camel.component.messenger.page-access-token=" + MessengerStarterWebhookTest.TOKEN,
                "camel.component.messenger.app-secret=" + MessengerStarterWebhookTest.APP_SECRET,
                "camel.component.messenger.verify-token=verify-me",
                "camel.component.messenger.webhook-path=/bot/webhook",
                "camel.component.messenger.request-timeout=5s",
        })
class MessengerStarterWebhookTest {

    static final String TOKEN = "page-token-from-properties";
    static final String APP_SECRET = "app-secret-from-properties";

    private static final GraphApiStub GRAPH = new GraphApiStub();

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        GRAPH.register(registry);
    }

    @AfterAll
    static void stopGraphApi() {
        GRAPH.stop();
    }

    @Test
    void propertiesConfigureTheComponent() {
        MessengerComponent messenger = camelContext.getComponent("messenger", MessengerComponent.class);
        assertThat(messenger.getConfiguration().getWebhookPath()).isEqualTo("/bot/webhook");
        assertThat(messenger.getConfiguration().getRequestTimeout()).isEqualTo(5000L);
        assertThat(messenger.getConfiguration().getBaseUri()).isEqualTo(GRAPH.server().baseUrl());
    }

    @Test
    void answersASignedDeliveryThroughTheSendApi() {
        SignedWebhookClient platform = new SignedWebhookClient("http://127.0.0.1:" + port + "/bot/webhook", APP_SECRET);

        assertThat(platform.post(delivery("PAGE_1", textMessage("PAGE_1", "USER_1", "mid.1", "hello"))).statusCode())
                .isEqualTo(200);

        String proof = SignedWebhookClient.hmacHex(APP_SECRET, TOKEN.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> GRAPH.server().verify(1,
                postRequestedFor(urlPathEqualTo("/v25.0/PAGE_1/messages"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withQueryParam("appsecret_proof", equalTo(proof))
                        .withRequestBody(equalToJson("{\"recipient\":{\"id\":\"USER_1\"},"
                                                     + "\"messaging_type\":\"RESPONSE\","
                                                     + "\"message\":{\"text\":\"You said: hello\"}}"))));
    }

    @Test
    void rejectsADeliveryNotSignedWithTheAppSecret() {
        SignedWebhookClient forger = new SignedWebhookClient("http://127.0.0.1:" + port + "/bot/webhook", "wrong");

        assertThat(forger.post(delivery("PAGE_1", textMessage("PAGE_1", "USER_2", "mid.2", "hi"))).statusCode())
                .isEqualTo(403);
    }
}
