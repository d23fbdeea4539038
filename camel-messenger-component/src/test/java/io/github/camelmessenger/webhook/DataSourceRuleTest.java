package io.github.camelmessenger.webhook;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerEndpoint;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import io.github.camelmessenger.state.JdbcConversationStateRepository;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the messenger component finds the database of a JDBC store declared without one: the component's dataSource
 * option, else the single DataSource in the registry; none, or two, is a clear error. Conversation state stays in
 * memory unless a repository is configured, as before.
 */
class DataSourceRuleTest {

    private static final String WAIT = "messenger:waitForResponse?step=ask&timeout=PT1M&pageId=PAGE_1";

    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aRepositoryDeclaredByClassNameUsesTheSingleDataSourceInTheRegistry() throws Exception {
        DataSource db = TestDatabases.h2();
        context.getRegistry().bind("db", db);
        waitRoute("&stateRepository=#class:" + JdbcConversationStateRepository.class.getName());
        context.start();

        setWait("U1");

        assertThat(count(db, "messenger_waits")).isOne();
    }

    @Test
    void aComponentLevelRepositoryDeclaredByClassNameAsInProperties() throws Exception {
        DataSource db = TestDatabases.h2();
        context.getRegistry().bind("db", db);
        // what camel.component.messenger.state-repository = #class:... does in Camel Main
        PropertyBindingSupport.build().withCamelContext(context)
                .withTarget(context.getComponent("messenger", MessengerComponent.class))
                .withProperty("stateRepository", "#class:" + JdbcConversationStateRepository.class.getName())
                .bind();
        waitRoute("");
        context.start();

        setWait("U1");

        assertThat(count(db, "messenger_waits")).isOne();
    }

    @Test
    void theOptionWinsOverTheRegistryEvenWithSeveralDataSources() throws Exception {
        DataSource chosen = TestDatabases.h2();
        context.getRegistry().bind("orders", TestDatabases.h2());
        context.getRegistry().bind("audit", TestDatabases.h2());
        JdbcConversationStateRepository state = new JdbcConversationStateRepository();
        context.getRegistry().bind("state", state);
        context.getComponent("messenger", MessengerComponent.class).setDataSource(chosen);
        waitRoute("&stateRepository=#state");
        context.start();

        setWait("U1");

        assertThat(state.getDataSource()).isSameAs(chosen);
        assertThat(count(chosen, "messenger_waits")).isOne();
    }

    @Test
    void withoutADataSourceTheStartFailsSayingSo() throws Exception {
        context.getRegistry().bind("state", new JdbcConversationStateRepository());
        waitRoute("&stateRepository=#state");

        assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a javax.sql.DataSource")
                .hasMessageContaining("the registry holds no DataSource");
    }

    @Test
    void withTwoDataSourcesAndNoOptionTheStartFailsNamingThem() throws Exception {
        context.getRegistry().bind("orders", TestDatabases.h2());
        context.getRegistry().bind("bot", TestDatabases.h2());
        context.getRegistry().bind("state", new JdbcConversationStateRepository());
        waitRoute("&stateRepository=#state");

        assertThatThrownBy(context::start).rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 DataSources [bot, orders]")
                .hasMessageContaining("set the dataSource option");
    }

    @Test
    void aSingleDataSourceAloneLeavesConversationStateInMemory() throws Exception {
        context.getRegistry().bind("db", TestDatabases.h2());
        waitRoute("");
        context.start();

        MessengerEndpoint endpoint = context.getEndpoint(WAIT, MessengerEndpoint.class);
        MessengerComponent component = context.getComponent("messenger", MessengerComponent.class);
        assertThat(component.getDataSource()).as("autowired").isNotNull();
        assertThat(component.stateRepository(endpoint.getConfiguration()))
                .isInstanceOf(InMemoryConversationStateRepository.class);
    }

    @Test
    void anInboxDeclaredWithoutADataSourceGetsTheComponentsOne() throws Exception {
        DataSource db = TestDatabases.h2();
        String table = TestDatabases.uniqueTable("INBOX");
        JdbcWebhookInbox inbox = new JdbcWebhookInbox();
        inbox.setTableName(table);
        EventCollector events = new EventCollector();
        try (WebhookTestServer server = new WebhookTestServer().bind("db", db).bind("inbox", inbox)
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("messenger:webhook?inbox=#inbox&inboxPollDelay=50&appSecret=" + APP_SECRET)
                                .process(events);
                    }
                }).start()) {
            assertThat(new WebhookClient(server).post("/messenger/webhook",
                    Deliveries.message("U1", "m_1", 1, "hi")).statusCode()).isEqualTo(200);
            events.awaitCount(1);
        }
        assertThat(inbox.getDataSource()).isSameAs(db);
    }

    private void waitRoute(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wait").to(WAIT + options);
            }
        });
    }

    private void setWait(String user) {
        context.createProducerTemplate().sendBodyAndHeader("direct:wait", null, "CamelMessengerRecipientId", user);
    }

    private static int count(DataSource ds, String table) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
