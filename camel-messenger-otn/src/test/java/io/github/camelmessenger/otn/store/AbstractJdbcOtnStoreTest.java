package io.github.camelmessenger.otn.store;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.JdbcConversationStateRepository;
import io.github.camelmessenger.testsupport.SqlRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store contract plus what only a database store promises: schema, table prefix, restart. */
abstract class AbstractJdbcOtnStoreTest extends AbstractOtnStoreContractTest {

    /** The database of this test class. */
    protected abstract DataSource dataSource();

    /** The table prefix of this test class. */
    protected abstract String prefix();

    /** Closes the database's connections and opens it again (a process restart); returns the new source. */
    protected abstract DataSource reopen() throws Exception;

    @Override
    protected OtnStore createStore(Clock clock) {
        JdbcOtnStore s = newStore(dataSource(), prefix(), clock);
        s.start();
        return s;
    }

    @Override
    protected ConversationStateRepository conversationStateOf(OtnStore store) {
        return ((JdbcOtnStore) store).getConversationState();
    }

    /** A store keeping its contacts' last inbound times in tables {@code <prefix>messenger_*} of the same database. */
    static JdbcOtnStore newStore(DataSource ds, String prefix, Clock clock) {
        return new JdbcOtnStore(ds, prefix, clock, TestDatabases.conversationState(ds, prefix));
    }

    @Override
    protected List<OtnStore> sharingStores(int n) {
        List<OtnStore> stores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stores.add(createStore(Clock.systemUTC()));
        }
        return stores;
    }

    @BeforeEach
    void emptyTables() throws SQLException {
        TestDatabases.deleteRows(dataSource(), prefix());
    }

    @Test
    void aRestartKeepsTokensClaimsAndContacts() throws Exception {
        store.storeToken(token("valid", "u1", "offers", T0.minusSeconds(30)));
        store.storeToken(token("claimed", "u2", "offers", T0.minusSeconds(40)));
        store.storeToken(token("used", "u3", "offers", T0.minusSeconds(50)));
        assertThat(values(store.claim("offers", null, 2, "node-1", LEASE))).containsExactly("used", "claimed");
        store.consume("used", "node-1");
        store.setAttribute(PAGE, "u1", "email", "ann@example.org");
        store.recordInbound(PAGE, "u1", T0.minusSeconds(5));
        StoredToken claimedBefore = stored("claimed");
        store.close();

        JdbcOtnStore restarted = newStore(reopen(), prefix(), clock);
        restarted.start();
        store = restarted;

        assertThat(stored("valid").status()).isEqualTo(TokenStatus.VALID);
        assertThat(stored("claimed")).isEqualTo(claimedBefore);
        assertThat(stored("used").status()).isEqualTo(TokenStatus.CONSUMED);
        assertThat(restarted.attributes(PAGE, "u1")).isEqualTo(Map.of("email", "ann@example.org"));
        assertThat(restarted.findContact(PAGE, "u1").orElseThrow().lastInbound()).isEqualTo(T0.minusSeconds(5));
        assertThat(values(restarted.claim("offers", null, 10, "node-2", LEASE))).containsExactly("valid");
        assertThat(restarted.consume("valid", "node-2")).isTrue();
        clock.advance(LEASE.plusMillis(1));
        assertThat(values(restarted.claim("offers", null, 10, "node-2", LEASE))).containsExactly("claimed");
    }

    @Test
    void startCreatesMissingTablesOnceAndTablePrefixesKeepStoresApart() throws SQLException {
        String otherPrefix = TestDatabases.uniquePrefix();
        try {
            JdbcOtnStore other = newStore(dataSource(), otherPrefix, clock);
            other.start();
            other.start();
            newStore(dataSource(), otherPrefix, clock).start(); // tables exist: nothing to do, no error
            assertThat(tableCount(otherPrefix)).isEqualTo(TestDatabases.TABLES.size() - (isPostgres() ? 1 : 0));

            other.storeToken(token("t-other", "u1", "offers", T0.minusSeconds(10)));
            store.storeToken(token("t-mine", "u1", "offers", T0.minusSeconds(10)));

            assertThat(store.findToken("t-other")).isEmpty();
            assertThat(other.findToken("t-mine")).isEmpty();
            assertThat(values(other.claim("offers", null, 10, "a", LEASE))).containsExactly("t-other");
            assertThat(values(store.claim("offers", null, 10, "a", LEASE))).containsExactly("t-mine");
        } finally {
            TestDatabases.dropTables(dataSource(), otherPrefix);
        }
    }

    @Test
    void aStartAgainstTheExistingSchemaRunsNoDdl() {
        SqlRecorder recorder = new SqlRecorder(dataSource());
        JdbcOtnStore again = newStore(recorder.dataSource(), prefix(), clock);
        again.start();
        again.storeToken(token("t-1", "u1", "offers", T0.minusSeconds(10)));
        assertThat(again.claim("offers", null, 10, "node-a", LEASE)).hasSize(1);

        assertThat(recorder.statements()).as("the store worked through the recorder").isNotEmpty();
        assertThat(recorder.ddl()).isEmpty();
    }

    @Test
    void theShippedScriptRunByHandIsTheSchemaTheStoreExpects() throws Exception {
        String byHand = TestDatabases.uniquePrefix();
        try {
            // as a DBA runs them: each whole file, the prefix filled in
            runScript((isPostgres() ? "postgresql" : "generic") + "/otn.sql", byHand);
            runScript("generic/conversation-state.sql", byHand + "messenger_");
            SqlRecorder recorder = new SqlRecorder(dataSource());
            JdbcOtnStore fromScript = newStore(recorder.dataSource(), byHand, clock);
            fromScript.start();
            fromScript.storeTokens(List.of(token("s-1", "u1", "offers", T0.minusSeconds(20)),
                    token("s-2", "u2", "offers", T0.minusSeconds(10))));
            fromScript.setAttribute(PAGE, "u1", "email", "ann@example.org");
            fromScript.recordInbound(PAGE, "u3", T0.minusSeconds(5));
            assertThat(values(fromScript.claim("offers", null, 1, "node-a", LEASE))).containsExactly("s-1");
            assertThat(fromScript.consume("s-1", "node-a")).isTrue();
            TokenBatch batch = fromScript.claimBatch("offers", null, null, 10, "node-a", LEASE);
            assertThat(values(batch.tokens())).containsExactly("s-2");
            batch.finish(List.of("s-2"), Map.of());
            assertThat(fromScript.contactsWithoutValidToken("offers", null, 10)).extracting(Contact::psid)
                    .containsExactly("u1", "u2", "u3");
            assertThat(fromScript.findContact(PAGE, "u3").orElseThrow().lastInbound()).isEqualTo(T0.minusSeconds(5));
            assertThat(recorder.ddl()).isEmpty();
        } finally {
            TestDatabases.dropTables(dataSource(), byHand);
        }
    }

    @Test
    void aStoreGivenNoConversationStateKeepsTimesInTheMessengerComponentsDefaultTables() throws SQLException {
        JdbcOtnStore plain = new JdbcOtnStore(dataSource(), prefix(), clock);
        plain.start();
        String psid = "plain-" + UUID.randomUUID();
        try {
            plain.recordInbound(PAGE, psid, T0);
            // what the messenger component's JDBC state with its default table prefix reads
            JdbcConversationStateRepository messengerState = new JdbcConversationStateRepository(dataSource());
            assertThat(messengerState.lastInbound(PAGE, psid)).contains(T0);
        } finally {
            try (Connection c = dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM messenger_last_inbound WHERE psid = ?")) {
                ps.setString(1, psid);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void rejectsATablePrefixThatIsNotAPlainName() {
        for (String bad : List.of("x; DROP TABLE y", "1abc", "a-b", "a".repeat(41))) {
            assertThatThrownBy(() -> new JdbcOtnStore(dataSource(), bad))
                    .isInstanceOf(MessengerValidationException.class).hasMessageStartingWith("tablePrefix");
        }
        assertThat(new JdbcOtnStore(dataSource(), null).getTablePrefix()).isEmpty();
    }

    @Test
    void mustBeStartedBeforeUse() {
        JdbcOtnStore notStarted = newStore(dataSource(), prefix(), clock);
        assertThatThrownBy(() -> notStarted.findToken("t")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start()");
        assertThat(notStarted.toString()).contains("not started");
    }

    @Test
    void databaseErrorsNeverCarryTokenValues() throws SQLException {
        String brokenPrefix = TestDatabases.uniquePrefix();
        JdbcOtnStore broken = newStore(dataSource(), brokenPrefix, clock);
        broken.start();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            // the token table loses a column under the store's feet: every insert fails in the database
            s.execute("ALTER TABLE " + brokenPrefix + "otn_token DROP COLUMN payload");
        }
        String secret = "SECRET-TOKEN-VALUE-42";
        try {
            assertThatThrownBy(() -> broken.storeTokens(List.of(token(secret, "u1", "offers", T0),
                    token(secret + "-b", "u2", "offers", T0)))).isInstanceOf(OtnStoreException.class)
                    .satisfies(e -> {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
                            if (t instanceof SQLException sql && sql.getNextException() != null) {
                                assertThat(sql.getNextException().getMessage()).doesNotContain(secret);
                            }
                        }
                    });
            assertThatThrownBy(() -> broken.storeToken(token(secret, "u1", "offers", T0)))
                    .isInstanceOf(OtnStoreException.class).hasMessageNotContaining(secret)
                    .satisfies(e -> assertThat(String.valueOf(e.getCause().getMessage())).doesNotContain(secret));
        } finally {
            TestDatabases.dropTables(dataSource(), brokenPrefix);
        }
    }

    private void runScript(String script, String prefix) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/camel-messenger/sql/" + script);
             Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${prefix}", prefix));
        }
    }

    boolean isPostgres() throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            return c.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        }
    }

    int tableCount(String tablePrefix) throws SQLException {
        int count = 0;
        try (Connection c = dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").toLowerCase().startsWith(tablePrefix.toLowerCase() + "otn_")) {
                    count++;
                }
            }
        }
        return count;
    }
}
