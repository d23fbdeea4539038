package io.github.camelmessenger.otn.springboot;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.springboot.GraphApiStub;
import io.github.camelmessenger.springboot.SignedWebhookClient;
import io.github.camelmessenger.state.JdbcConversationStateRepository;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import io.github.camelmessenger.otn.MessengerOtnComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelmessenger.springboot.SignedWebhookClient.delivery;
import static io.github.camelmessenger.springboot.SignedWebhookClient.textMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same kind of application with a DataSource bean (H2, from spring.datasource.*): the OTN store, the messenger
 * component's conversation state and its webhook inbox all keep their rows in that database.
 */
@CamelSpringBootTest
@SpringBootTest(classes = OtnBotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:otn-starter;DB_CLOSE_DELAY=-1",
                "camel.component.messenger.page-access-token=page-token",
                "camel.component.messenger.app-secret=" + OtnStarterDataSourceTest.APP_SECRET,
                "camel.component.messenger.maximum-redeliveries=0",
                "camel.messenger.jdbc.state.enabled=true",
                "camel.messenger.jdbc.inbox.enabled=true",
                "camel.component.messenger-otn.node-id=node-from-properties",
        })
class OtnStarterDataSourceTest {

    static final String APP_SECRET = "otn-app-secret";

    private static final GraphApiStub GRAPH = new GraphApiStub();

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camelContext;

    @Autowired
    DataSource dataSource;

    private SignedWebhookClient platform;
    private JdbcTemplate db;

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        GRAPH.register(registry);
    }

    @AfterAll
    static void stopGraphApi() {
        GRAPH.stop();
    }

    @BeforeEach
    void clients() {
        platform = new SignedWebhookClient("http://127.0.0.1:" + port + "/messenger/webhook", APP_SECRET);
        db = new JdbcTemplate(dataSource);
    }

    @Test
    void theComponentsUseTheApplicationsDataSource() {
        MessengerOtnComponent otn = camelContext.getComponent("messenger-otn", MessengerOtnComponent.class);
        assertThat(otn.getDataSource()).isSameAs(dataSource);
        assertThat(otn.getNodeId()).isEqualTo("node-from-properties");

        MessengerComponent messenger = camelContext.getComponent("messenger", MessengerComponent.class);
        assertThat(messenger.getConfiguration().getStateRepository())
                .isInstanceOfSatisfying(JdbcConversationStateRepository.class,
                        r -> assertThat(r.getDataSource()).isSameAs(dataSource));
        assertThat(messenger.getConfiguration().getInbox())
                .isInstanceOfSatisfying(JdbcWebhookInbox.class, i -> assertThat(i.getDataSource()).isSameAs(dataSource));
    }

    @Test
    void aTokenFromTheWebhookIsARowOfTheOtnTables() {
        String optin = "{\"sender\":{\"id\":\"USER_1\"},\"recipient\":{\"id\":\"PAGE_1\"},\"timestamp\":"
                       + System.currentTimeMillis() + ",\"optin\":{\"type\":\"one_time_notif_req\","
                       + "\"payload\":\"offers\",\"one_time_notif_token\":\"OTN_TOKEN_abc123\"}}";

        assertThat(platform.post(delivery("PAGE_1", optin)).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(db.queryForList(
                "SELECT page_id, psid, topic, status FROM otn_token WHERE token = 'OTN_TOKEN_abc123'"))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("PAGE_ID")).isEqualTo("PAGE_1");
                    assertThat(row.get("PSID")).isEqualTo("USER_1");
                    assertThat(row.get("TOPIC")).isEqualTo("offers");
                }));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> GRAPH.server().verify(1,
                postRequestedFor(urlPathEqualTo("/v25.0/PAGE_1/messages")).withRequestBody(equalToJson(
                        "{\"recipient\":{\"id\":\"USER_1\"},\"messaging_type\":\"RESPONSE\","
                        + "\"message\":{\"text\":\"Thanks! We'll let you know.\"}}"))));
    }

    @Test
    void theLastInboundTimeIsARowOfTheStateTables() {
        assertThat(platform.post(delivery("PAGE_1", textMessage("PAGE_1", "USER_2", "mid.2", "hello"))).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> GRAPH.server().verify(1,
                postRequestedFor(urlPathEqualTo("/v25.0/PAGE_1/messages")).withRequestBody(equalToJson(
                        "{\"recipient\":{\"id\":\"USER_2\"},\"messaging_type\":\"RESPONSE\","
                        + "\"message\":{\"text\":\"You said: hello\"}}"))));
        assertThat(db.queryForObject("SELECT COUNT(*) FROM messenger_last_inbound WHERE page_id = 'PAGE_1' "
                                     + "AND psid = 'USER_2'", Integer.class)).isEqualTo(1);
    }

    @Test
    void anEventTheRouteFailsIsDeadLetteredInTheInboxTable() {
        assertThat(platform.post(delivery("PAGE_1", textMessage("PAGE_1", "USER_3", "mid.3", "boom"))).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(db.queryForList(
                "SELECT status, last_error FROM MESSENGER_WEBHOOK_INBOX")).singleElement().satisfies(row -> {
                    assertThat(row.get("STATUS")).isEqualTo("DEAD");
                    assertThat((String) row.get("LAST_ERROR")).contains("boom");
                }));
    }
}
