package io.github.camelmessenger.state;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import io.github.camelmessenger.testsupport.SqlRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The repository contract plus what only a shared database gives: several repositories ("nodes", as several Camel
 * contexts or JVMs would have) on one database, and a restart. Each subclass uses its own table prefix and drops
 * its tables at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcConversationStateRepositoryContract extends ConversationStateRepositoryContract {

    protected final String prefix = "st" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_";
    private final List<ConversationStateRepository> extraNodes = new ArrayList<>();

    private TestConnectionPool pool;

    /** The database under test. */
    protected abstract DataSource targetDataSource();

    /** The auto-commit mode the test pool hands connections out in; the repository must cope with both. */
    protected boolean handOutAutoCommit() {
        return true;
    }

    /** The pooled data source the repositories use, connected on first use (which may skip the test). */
    protected synchronized DataSource dataSource() {
        if (pool == null) {
            pool = new TestConnectionPool(targetDataSource(), handOutAutoCommit());
        }
        return pool;
    }

    /** The dialect the repository should end up with. */
    protected abstract String expectedDialect();

    /** A dialect to force instead of detecting it, or null. */
    protected String forcedDialect() {
        return null;
    }

    @Override
    protected JdbcConversationStateRepository newRepository() {
        return newRepository(dataSource(), prefix);
    }

    private JdbcConversationStateRepository newRepository(DataSource ds, String tablePrefix) {
        JdbcConversationStateRepository repo = new JdbcConversationStateRepository(ds);
        repo.setTablePrefix(tablePrefix);
        if (forcedDialect() != null) {
            repo.setDialectName(forcedDialect());
        }
        return repo;
    }

    /** Another node on the same database, started, stopped after the test. */
    protected ConversationStateRepository anotherNode() {
        ConversationStateRepository node = newRepository();
        node.start();
        extraNodes.add(node);
        return node;
    }

    @Override
    protected void clearStore() {
        execute("DELETE FROM " + prefix + "waits", "DELETE FROM " + prefix + "last_inbound");
    }

    @AfterEach
    void stopOtherNodesAndCheckConnections() {
        extraNodes.forEach(ConversationStateRepository::stop);
        extraNodes.clear();
        if (pool == null) {
            return;
        }
        assertThat(pool.inUse()).as("connections not closed").isZero();
        assertThat(pool.violations()).as("connections returned in another auto-commit mode").isEmpty();
    }

    @AfterAll
    void dropTables() {
        if (pool != null) {
            dropTables(prefix);
            pool.closeAll();
        }
    }

    void dropTables(String tablePrefix) {
        execute("DROP TABLE IF EXISTS " + tablePrefix + "waits", "DROP TABLE IF EXISTS " + tablePrefix + "last_inbound");
    }

    void execute(String... statements) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDialectFitsTheDatabase() {
        assertThat(((JdbcConversationStateRepository) repository).getDialectName()).isEqualTo(expectedDialect());
    }

    @Test
    void aNewRepositoryOnTheSameDatabaseSeesWaitsAndLastInboundTimes() {
        Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
        Wait expiring = waitFor("u2", "ask-name", T0, Duration.ofMinutes(1));
        repository.putWait(wait);
        repository.putWait(expiring);
        repository.recordInbound(PAGE, "u1", T0);
        repository.stop();

        repository = newRepository();
        repository.start();

        assertThat(repository.lastInbound(PAGE, "u1")).contains(T0);
        assertThat(repository.claimExpired(T0.plus(Duration.ofMinutes(5)), 10)).containsExactly(expiring);
        assertThat(repository.takeWait(PAGE, "u1", T0.plus(Duration.ofMinutes(5)))).contains(wait);
    }

    @Test
    void aWaitSetOnOneNodeIsTakenThroughAnotherExactlyOnce() throws Exception {
        ConversationStateRepository nodeA = repository;
        ConversationStateRepository nodeB = anotherNode();
        Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
        nodeA.putWait(wait);

        assertThat(nodeB.findWait(PAGE, "u1")).contains(wait);
        assertThat(nodeB.takeWait(PAGE, "u1", T0.plusSeconds(5))).contains(wait);
        assertThat(nodeA.takeWait(PAGE, "u1", T0.plusSeconds(5))).isEmpty();

        for (int round = 0; round < 5; round++) {
            String psid = "race" + round;
            Wait raced = waitFor(psid, "ask-email", T0, THIRTY_MINUTES);
            nodeA.putWait(raced);
            List<Callable<Optional<Wait>>> takers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                ConversationStateRepository node = i % 2 == 0 ? nodeA : nodeB;
                takers.add(() -> node.takeWait(PAGE, psid, T0.plusSeconds(5)));
            }
            assertThat(race(takers).stream().flatMap(Optional::stream).toList()).containsExactly(raced);
        }
    }

    @Test
    void aThousandWaitsExpiringOnTwoNodesAreEachClaimedExactlyOnce() throws Exception {
        ConversationStateRepository nodeA = repository;
        ConversationStateRepository nodeB = anotherNode();
        Set<Wait> expiring = new HashSet<>();
        List<Callable<Object>> putters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t * 250;
            ConversationStateRepository node = t % 2 == 0 ? nodeA : nodeB;
            List<Wait> batch = new ArrayList<>();
            for (int i = first; i < first + 250; i++) {
                batch.add(waitFor("user-" + i, "step-" + i % 7, T0, Duration.ofSeconds(1 + i % 300)));
            }
            expiring.addAll(batch);
            putters.add(() -> {
                batch.forEach(node::putWait);
                return null;
            });
        }
        race(putters);
        Instant now = T0.plus(Duration.ofMinutes(10));

        ConcurrentLinkedQueue<Wait> claimedByA = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Wait> claimedByB = new ConcurrentLinkedQueue<>();
        List<Callable<Object>> sweepers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ConversationStateRepository node = i % 2 == 0 ? nodeA : nodeB;
            ConcurrentLinkedQueue<Wait> claimed = i % 2 == 0 ? claimedByA : claimedByB;
            sweepers.add(() -> {
                List<Wait> batch;
                while (!(batch = node.claimExpired(now, 25)).isEmpty()) {
                    claimed.addAll(batch);
                }
                return null;
            });
        }
        race(sweepers);

        List<Wait> all = new ArrayList<>(claimedByA);
        all.addAll(claimedByB);
        assertThat(all).hasSize(1000).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(expiring);
        assertThat(nodeA.claimExpired(now, 25)).isEmpty();
        assertThat(nodeB.claimExpired(now, 25)).isEmpty();
    }

    @Test
    void lastInboundRecordedOnOneNodeIsSeenOnAnother() {
        ConversationStateRepository nodeB = anotherNode();
        repository.recordInbound(PAGE, "u1", T0.plusSeconds(30));
        nodeB.recordInbound(PAGE, "u1", T0);

        assertThat(nodeB.lastInbound(PAGE, "u1")).contains(T0.plusSeconds(30));
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseAllGetTheirTables() throws Exception {
        String fresh = prefix + "fresh_";
        try {
            List<Callable<Object>> starts = new ArrayList<>();
            List<JdbcConversationStateRepository> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JdbcConversationStateRepository node = newRepository();
                node.setTablePrefix(fresh);
                nodes.add(node);
                starts.add(() -> {
                    node.start();
                    return null;
                });
            }
            race(starts);

            Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
            nodes.get(0).putWait(wait);
            assertThat(nodes.get(3).takeWait(PAGE, "u1", T0)).contains(wait);
            nodes.forEach(JdbcConversationStateRepository::stop);
        } finally {
            dropTables(fresh);
        }
    }

    @Test
    void aStartAgainstExistingTablesRunsNoDdl() {
        SqlRecorder recorder = new SqlRecorder(dataSource());
        JdbcConversationStateRepository again = newRepository(recorder.dataSource(), prefix);
        again.start();
        try {
            again.recordInbound(PAGE, "u1", T0);
            assertThat(recorder.statements()).as("the repository worked through the recorder").isNotEmpty();
            assertThat(recorder.ddl()).isEmpty();
        } finally {
            again.stop();
        }
    }

    @Test
    void aFirstStartCreatesTheSchemaAndALaterStartOnlyWhatWentMissing() {
        String fresh = prefix + "once_";
        SqlRecorder recorder = new SqlRecorder(dataSource());
        try {
            newRepository(recorder.dataSource(), fresh).start();
            assertThat(recorder.ddl()).hasSize(3).allSatisfy(ddl -> assertThat(ddl).startsWith("CREATE"));

            execute("DROP INDEX " + fresh + "waits_expires_idx");
            recorder.clear();
            newRepository(recorder.dataSource(), fresh).start();
            assertThat(recorder.ddl()).singleElement().asString()
                    .startsWith("CREATE INDEX " + fresh + "waits_expires_idx ON " + fresh + "waits");
        } finally {
            dropTables(fresh);
        }
    }

    @Test
    void theShippedScriptRunByHandIsTheSchemaTheRepositoryExpects() throws Exception {
        String byHand = prefix + "dba_";
        String script;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/camel-messenger/sql/generic/conversation-state.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // what a DBA does: fill in the prefix and run the file as it is
        execute(script.replace("${prefix}", byHand));
        SqlRecorder recorder = new SqlRecorder(dataSource());
        JdbcConversationStateRepository repo = newRepository(recorder.dataSource(), byHand);
        try {
            repo.start();
            Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
            repo.putWait(wait);
            repo.recordInbound(PAGE, "u1", T0);
            assertThat(repo.takeWait(PAGE, "u1", T0)).contains(wait);
            assertThat(repo.claimExpired(T0.plus(Duration.ofDays(1)), 5)).isEmpty();
            assertThat(repo.lastInbound(PAGE, "u1")).contains(T0);
            assertThat(recorder.ddl()).isEmpty();
        } finally {
            repo.stop();
            dropTables(byHand);
        }
    }

    @Test
    void missingTablesFailTheStartWhenCreationIsOff() {
        JdbcConversationStateRepository repo = new JdbcConversationStateRepository(dataSource());
        repo.setTablePrefix(prefix + "absent_");
        repo.setCreateTablesIfMissing(false);

        assertThatThrownBy(repo::start).isInstanceOf(ConversationStateException.class)
                .hasMessageContaining(prefix + "absent_waits")
                .hasMessageContaining("createTablesIfMissing")
                .hasMessageContaining("CREATE TABLE");
    }

    @Test
    void existingTablesAreUsedWhenCreationIsOff() {
        Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
        repository.putWait(wait);
        JdbcConversationStateRepository repo = newRepository();
        repo.setCreateTablesIfMissing(false);
        repo.start();
        try {
            assertThat(repo.takeWait(PAGE, "u1", T0)).contains(wait);
        } finally {
            repo.stop();
        }
    }

    @Test
    void aRepositoryUsedWithoutStartPreparesItself() {
        JdbcConversationStateRepository repo = newRepository();
        repo.recordInbound(PAGE, "u9", T0);
        assertThat(repository.lastInbound(PAGE, "u9")).contains(T0);
        assertThatThrownBy(() -> repo.setTablePrefix("other_")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tablePrefixMustBeAPlainIdentifier() {
        JdbcConversationStateRepository repo = new JdbcConversationStateRepository(dataSource());
        for (String bad : new String[] { "x; DROP TABLE y; --", "9lives_", "a.b_", "a b", "x".repeat(41) }) {
            assertThatThrownBy(() -> repo.setTablePrefix(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix");
        }
        repo.setTablePrefix("");
        repo.setTablePrefix("My_App2_");
        assertThat(repo.getTablePrefix()).isEqualTo("My_App2_");
    }

    @Test
    void aStartedRepositoryPrunesOldLastInboundTimesOnItsSchedule() {
        Instant now = Instant.now();
        repository.recordInbound(PAGE, "gone", now.minus(Duration.ofDays(9)));
        repository.recordInbound(PAGE, "kept", now.minus(Duration.ofDays(1)));
        JdbcConversationStateRepository pruning = newRepository();
        pruning.setPruneInterval(Duration.ofMillis(100));
        pruning.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> repository.lastInbound(PAGE, "gone").isEmpty());
            assertThat(repository.lastInbound(PAGE, "kept")).isPresent();
        } finally {
            pruning.stop();
        }
    }
}
