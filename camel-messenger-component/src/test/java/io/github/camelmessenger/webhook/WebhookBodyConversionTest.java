package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routes that do not know the typed model read the event as Map or JSON. */
class WebhookBodyConversionTest {

    @Test
    @SuppressWarnings("unchecked")
    void bodyConvertsToMapAndJson() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (WebhookTestServer server = new WebhookTestServer().routes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?appSecret=" + APP_SECRET)
                        .process(e -> seen.add(e.getIn().getBody(Map.class)))
                        .process(e -> seen.add(e.getIn().getBody(String.class)));
            }
        }).start()) {
            assertThat(new WebhookClient(server).post("/messenger/webhook", fixture("quick-reply.json")).statusCode())
                    .isEqualTo(200);
        }
        Map<String, Object> map = (Map<String, Object>) seen.get(0);
        assertThat(map).containsEntry("type", "quick_reply").containsEntry("pageId", "PAGE_1")
                .containsEntry("senderId", "USER_1").containsEntry("standby", false)
                .containsEntry("timestamp", 1458692752478L);
        assertThat((Map<String, Object>) map.get("message")).containsEntry("text", "Red");
        assertThat((Map<String, Object>) map.get("sender")).containsEntry("id", "USER_1");
        JsonNode json = new ObjectMapper().readTree((String) seen.get(1));
        assertThat(json.path("type").asText()).isEqualTo("quick_reply");
        assertThat(json.path("message").path("quick_reply").path("payload").asText()).isEqualTo("PICKED_RED");
    }

    @Test
    void aYamlRouteReadsTheEventThroughSimple() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (WebhookTestServer server = new WebhookTestServer()) {
            server.bind("seen", (org.apache.camel.Processor) e -> seen.add(e.getIn().getBody(String.class)));
            Resource yaml = ResourceHelper.fromString("webhook.yaml", """
                    - route:
                        from:
                          uri: messenger:webhook
                          parameters:
                            appSecret: %s
                          steps:
                            - convertBodyTo:
                                type: java.util.Map
                            - setBody:
                                simple: "${header.CamelMessengerEventType}|${body[message][text]}|${body[sender][id]}"
                            - process:
                                ref: seen
                    """.formatted(APP_SECRET));
            PluginHelper.getRoutesLoader(server.context()).loadRoutes(yaml);
            server.start();
            assertThat(new WebhookClient(server).post("/messenger/webhook", fixture("message.json")).statusCode())
                    .isEqualTo(200);
            await().until(() -> !seen.isEmpty());
        }
        assertThat(seen).containsExactly("message|hello, world!|USER_1");
    }
}
