package io.github.camelmessenger.webhook;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import io.github.camelmessenger.testsupport.SqlRecorder;
import io.github.camelmessenger.webhook.inbox.InboxEvent;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbox table comes from the shipped script, and is created only when missing. On H2 and PostgreSQL. */
class JdbcWebhookInboxSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void aFirstStartCreatesTheTableALaterStartRunsNoDdl(String database) {
        DataSource ds = database(database);
        String table = TestDatabases.uniqueTable("INBOX");
        SqlRecorder recorder = new SqlRecorder(ds);
        try {
            start(recorder.dataSource(), table).stop();
            assertThat(recorder.ddl()).hasSize(3);

            recorder.clear();
            JdbcWebhookInbox again = start(recorder.dataSource(), table);
            again.store("/hook", List.of(new InboxEvent("U1", "message", "PAGE_1", false, "{}")));
            assertThat(again.pendingCount()).isOne();
            assertThat(recorder.statements()).as("the inbox worked through the recorder").isNotEmpty();
            assertThat(recorder.ddl()).isEmpty();
        } finally {
            TestDatabases.drop(ds, table);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "h2", "postgresql" })
    void theShippedScriptRunByHandIsTheTableTheInboxExpects(String database) throws Exception {
        DataSource ds = database(database);
        String table = TestDatabases.uniqueTable("INBOX");
        String script;
        String folder = database.equals("h2") ? "generic" : database; // H2 has no file of its own
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/camel-messenger/sql/" + folder + "/webhook-inbox.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute(script.replace("${table}", table)); // as a DBA runs it: the whole file
            }
            SqlRecorder recorder = new SqlRecorder(ds);
            JdbcWebhookInbox inbox = start(recorder.dataSource(), table);
            inbox.store("/hook", List.of(new InboxEvent("U1", "message", "PAGE_1", false, "{\"x\":1}")));
            assertThat(inbox.claim("/hook", "node", 10, System.currentTimeMillis(), 60_000))
                    .singleElement().satisfies(e -> assertThat(e.json()).isEqualTo("{\"x\":1}"));
            assertThat(recorder.ddl()).isEmpty();
        } finally {
            TestDatabases.drop(ds, table);
        }
    }

    private static JdbcWebhookInbox start(DataSource ds, String table) {
        JdbcWebhookInbox inbox = new JdbcWebhookInbox(ds, table);
        inbox.start();
        return inbox;
    }

    private static DataSource database(String name) {
        return name.equals("h2") ? TestDatabases.h2() : TestDatabases.postgres();
    }
}
