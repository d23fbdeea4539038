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
        execute("DELETE FROM " + prefix + "waits", "DELETE FROM " + prefix + "last_inbound",
                "DELETE FROM " + prefix + "wait_takes");
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
        execute("DROP TABLE IF EXISTS " + tablePrefix + "waits", "DROP TABLE IF EXISTS " + tablePrefix + "last_inbound",
                "DROP TABLE IF EXISTS " + tablePrefix + "wait_takes");
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
            assertThat(recorder.ddl()).hasSize(4).allSatisfy(ddl -> assertThat(ddl).startsWith("CREATE"));

            // the tables of a version before wait_takes: only that table is created
            execute("DROP TABLE " + fresh + "wait_takes");
            recorder.clear();
            newRepository(recorder.dataSource(), fresh).start();
            assertThat(recorder.ddl()).singleElement().asString().startsWith("CREATE TABLE " + fresh + "wait_takes");

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

    // ---- issue 10, point 13: a taken wait survives a crash between the take and the end of the route ----------

    private ConversationStateRepository nodeWithWaitLease(Duration lease) {
        JdbcConversationStateRepository node = newRepository();
        node.setWaitLeaseTime(lease);
        node.start();
        extraNodes.add(node);
        return node;
    }

    @Test
    void aRouteThatFailsAfterTakingTheWaitGivesItBack() {
        ConversationStateRepository a = nodeWithWaitLease(Duration.ofMinutes(1));
        ConversationStateRepository b = nodeWithWaitLease(Duration.ofMinutes(1));
        Wait wait = waitFor("fails", "size", T0, THIRTY_MINUTES);
        a.putWait(wait);

        assertThat(a.takeWaitForRoute(PAGE, "fails", T0.plusSeconds(5))).contains(wait);
        assertThat(b.takeWaitForRoute(PAGE, "fails", T0.plusSeconds(6))).as("taken by a's route").isEmpty();
        assertThat(a.findWait(PAGE, "fails")).as("taken, not deleted").contains(wait);

        a.releaseWait(wait); // a's route failed
        assertThat(b.takeWaitForRoute(PAGE, "fails", T0.plusSeconds(7))).as("back: the redelivery resolves it")
                .contains(wait);
        b.confirmWait(wait);
        assertThat(a.findWait(PAGE, "fails")).isEmpty();
        assertThat(a.claimExpiredForRoute(T0.plus(Duration.ofHours(1)), 10)).as("resolved, so it never expires")
                .isEmpty();
    }

    @Test
    void aNodeThatDiesBetweenTheTakeAndTheEndOfItsRouteLosesNoWait() {
        ConversationStateRepository dies = nodeWithWaitLease(Duration.ofSeconds(2));
        ConversationStateRepository survivor = nodeWithWaitLease(Duration.ofSeconds(2));
        Wait wait = waitFor("dies", "email", T0, THIRTY_MINUTES);
        survivor.putWait(wait);

        assertThat(dies.takeWaitForRoute(PAGE, "dies", T0.plusSeconds(10))).contains(wait);
        // the node dies: no confirm, no release. Within its lease the wait is its own...
        assertThat(survivor.takeWaitForRoute(PAGE, "dies", T0.plusSeconds(11))).isEmpty();
        // ...after it, the redelivered answer resolves it on the survivor, once
        assertThat(survivor.takeWaitForRoute(PAGE, "dies", T0.plusSeconds(13))).contains(wait);
        survivor.confirmWait(wait);
        assertThat(survivor.takeWaitForRoute(PAGE, "dies", T0.plusSeconds(20))).isEmpty();
        assertThat(survivor.claimExpiredForRoute(T0.plus(Duration.ofHours(1)), 10)).isEmpty();
    }

    @Test
    void aWaitClaimedForExpiryByANodeThatDiesExpiresOnceOnAnother() {
        ConversationStateRepository dies = nodeWithWaitLease(Duration.ofSeconds(2));
        ConversationStateRepository survivor = nodeWithWaitLease(Duration.ofSeconds(2));
        Wait wait = waitFor("sweep-dies", "email", T0, Duration.ofSeconds(30));
        survivor.putWait(wait);
        Instant expired = T0.plusSeconds(31);

        assertThat(dies.claimExpiredForRoute(expired, 10)).containsExactly(wait);
        assertThat(survivor.claimExpiredForRoute(expired.plusSeconds(1), 10)).as("within the dead node's lease")
                .isEmpty();
        assertThat(survivor.claimExpiredForRoute(expired.plusSeconds(3), 10)).containsExactly(wait);
        survivor.confirmWait(wait);
        dies.releaseWait(wait); // a late give-back of the dead node's route changes nothing
        assertThat(survivor.claimExpiredForRoute(expired.plusSeconds(10), 10)).isEmpty();
        assertThat(survivor.findWait(PAGE, "sweep-dies")).isEmpty();
    }

    @Test
    void aNewerWaitSetWhileTheOldOneIsTakenStays() {
        Wait old = waitFor("replaced", "q1", T0, THIRTY_MINUTES);
        Wait newer = waitFor("replaced", "q2", T0.plusSeconds(20), THIRTY_MINUTES);
        repository.putWait(old);
        assertThat(repository.takeWaitForRoute(PAGE, "replaced", T0.plusSeconds(10))).contains(old);
        repository.putWait(newer); // the route on the answer asked the next question
        repository.confirmWait(old);
        assertThat(repository.findWait(PAGE, "replaced")).contains(newer);
        assertThat(repository.takeWaitForRoute(PAGE, "replaced", T0.plusSeconds(30))).contains(newer);
    }

    @Test
    void concurrentTakesForRoutesGiveAWaitToOneCaller() throws Exception {
        List<ConversationStateRepository> nodes = List.of(repository, anotherNode(), anotherNode(), anotherNode());
        for (int round = 0; round < 10; round++) {
            String psid = "race-take" + round;
            Wait wait = waitFor(psid, "s", T0, THIRTY_MINUTES);
            repository.putWait(wait);
            List<Callable<Optional<Wait>>> tasks = new ArrayList<>();
            for (ConversationStateRepository node : nodes) {
                tasks.add(() -> node.takeWaitForRoute(PAGE, psid, T0.plusSeconds(1)));
            }
            assertThat(race(tasks).stream().filter(Optional::isPresent).count()).isOne();
        }
    }
}
