package io.github.camelmessenger.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: the messenger webhook's health check as Spring Boot's actuator shows it. */
@CamelSpringBootTest
@SpringBootTest(classes = WebhookBotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "camel.component.messenger.app-secret=health-test-secret",
                "camel.component.messenger.verify-token=verify-me",
                "camel.component.messenger.webhook-path=/bot/webhook",
                "camel.component.messenger.base-uri=http://127.0.0.1:9",
                "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always",
                "camel.health.exposure-level=full",
        })
class MessengerStarterHealthTest {

    @LocalServerPort
    int port;

    @Test
    void theActuatorShowsTheWebhookCheck() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.body()).contains("messenger-webhook-bot-webhook").contains("\"UP\"");
    }
}
