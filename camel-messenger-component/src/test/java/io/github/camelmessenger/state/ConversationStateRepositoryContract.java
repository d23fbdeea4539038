package io.github.camelmessenger.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link ConversationStateRepository} keeps; each implementation (and each JDBC database and
 * dialect) runs it through a subclass. Times are explicit instants, so nothing here sleeps.
 */
abstract class ConversationStateRepositoryContract {

    static final String PAGE = "1122334455667788";
    static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    static final Duration THIRTY_MINUTES = Duration.ofMinutes(30);

    protected ConversationStateRepository repository;

    /** A new, not yet started repository on the store under test (for shared stores: the same store). */
    protected abstract ConversationStateRepository newRepository();

    /** Empties the store under test before each test. */
    protected void clearStore() {
    }

    @BeforeEach
    void startRepository() {
        repository = newRepository();
        repository.start();
        clearStore();
    }

    @AfterEach
    void stopRepository() {
        if (repository != null) {
            repository.stop();
        }
    }

    static Wait waitFor(String psid, String step, Instant createdAt, Duration timeout) {
        return Wait.of(PAGE, psid, step, createdAt, timeout);
    }

    // ---- take -----------------------------------------------------------------------------------------------

    @Test
    void aWaitIsTakenOnceAndThenGone() {
        Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
        repository.putWait(wait);

        assertThat(repository.findWait(PAGE, "u1")).contains(wait);
        assertThat(repository.takeWait(PAGE, "u1", T0.plusSeconds(60))).contains(wait);
        assertThat(repository.takeWait(PAGE, "u1", T0.plusSeconds(61))).isEmpty();
        assertThat(repository.findWait(PAGE, "u1")).isEmpty();
    }

    @Test
    void waitsBelongToOnePageAndUser() {
        repository.putWait(waitFor("u1", "ask-email", T0, THIRTY_MINUTES));

        assertThat(repository.takeWait(PAGE, "u2", T0)).isEmpty();
        assertThat(repository.takeWait("9988776655", "u1", T0)).isEmpty();
        assertThat(repository.findWait("9988776655", "u1")).isEmpty();
        assertThat(repository.takeWait(PAGE, "u1", T0)).map(Wait::step).contains("ask-email");
    }

    @Test
    void aWaitIsValidUpToButNotAtItsExpiry() {
        Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
        repository.putWait(wait);

        assertThat(repository.takeWait(PAGE, "u1", wait.expiresAt())).isEmpty();
        assertThat(repository.takeWait(PAGE, "u1", wait.expiresAt().plusSeconds(3600))).isEmpty();
        assertThat(repository.takeWait(PAGE, "u1", wait.expiresAt().minusMillis(1))).contains(wait);
    }

    @Test
    void anExpiredWaitIsNotTakenButLeftForTheExpirySweep() {
        Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
        repository.putWait(wait);
        Instant late = T0.plus(THIRTY_MINUTES).plusSeconds(1);

        assertThat(repository.takeWait(PAGE, "u1", late)).isEmpty();
        assertThat(repository.findWait(PAGE, "u1")).as("found even though expired").contains(wait);
        assertThat(repository.claimExpired(late, 10)).containsExactly(wait);
        assertThat(repository.claimExpired(late, 10)).isEmpty();
        assertThat(repository.findWait(PAGE, "u1")).isEmpty();
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        Instant precise = T0.plusNanos(123_456_789);
        Wait wait = Wait.of(PAGE, "u1", "ask-email", precise, Duration.ofNanos(1_000_500_000));
        repository.putWait(wait);

        Wait stored = repository.findWait(PAGE, "u1").orElseThrow();
        assertThat(stored).isEqualTo(wait);
        assertThat(stored.createdAt()).isEqualTo(T0.plusMillis(123));
        assertThat(stored.expiresAt()).isEqualTo(T0.plusMillis(1123));
    }

    // ---- replace --------------------------------------------------------------------------------------------

    @Test
    void aNewWaitReplacesTheOldOne() {
        repository.putWait(waitFor("u1", "ask-email", T0, THIRTY_MINUTES));
        Wait newer = waitFor("u1", "ask-phone", T0.plusSeconds(10), Duration.ofMinutes(5));
        repository.putWait(newer);

        assertThat(repository.findWait(PAGE, "u1")).contains(newer);
        assertThat(repository.takeWait(PAGE, "u1", T0.plusSeconds(20))).contains(newer);
        assertThat(repository.takeWait(PAGE, "u1", T0.plusSeconds(20))).as("the old step is gone too").isEmpty();
    }

    @Test
    void aReplacedExpiredWaitNeverExpires() {
        repository.putWait(waitFor("u1", "ask-email", T0, Duration.ofMinutes(1)));
        Instant later = T0.plus(Duration.ofMinutes(2));
        Wait newer = waitFor("u1", "ask-phone", later, THIRTY_MINUTES);
        repository.putWait(newer);

        assertThat(repository.claimExpired(later, 10)).isEmpty();
        assertThat(repository.takeWait(PAGE, "u1", later)).contains(newer);
    }

    @Test
    void aWaitReplacedByAnExpiredOneExpiresAsTheNewOne() {
        repository.putWait(waitFor("u1", "ask-email", T0, THIRTY_MINUTES));
        Wait shortOne = waitFor("u1", "ask-phone", T0, Duration.ofSeconds(1));
        repository.putWait(shortOne);

        assertThat(repository.claimExpired(T0.plusSeconds(5), 10)).containsExactly(shortOne);
    }

    // ---- expiry ---------------------------------------------------------------------------------------------

    @Test
    void claimExpiredReturnsEachExpiredWaitOnceAndRespectsMax() {
        List<Wait> expiring = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Wait wait = waitFor("e" + i, "step-" + i, T0, Duration.ofMinutes(1 + i));
            expiring.add(wait);
            repository.putWait(wait);
        }
        for (int i = 0; i < 5; i++) {
            repository.putWait(waitFor("v" + i, "valid", T0, Duration.ofHours(2)));
        }
        Instant now = T0.plus(Duration.ofMinutes(30));

        List<Wait> claimed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            List<Wait> batch = repository.claimExpired(now, 4);
            assertThat(batch).hasSizeLessThanOrEqualTo(4);
            claimed.addAll(batch);
        }
        assertThat(claimed).containsExactlyInAnyOrderElementsOf(expiring);
        assertThat(repository.claimExpired(now, 4)).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(repository.takeWait(PAGE, "v" + i, now)).as("valid waits stay").isPresent();
        }
    }

    @Test
    void claimExpiredOnlyTakesWaitsDueAtThatTime() {
        Wait first = waitFor("u1", "a", T0, Duration.ofMinutes(1));
        Wait second = waitFor("u2", "b", T0, Duration.ofMinutes(2));
        repository.putWait(first);
        repository.putWait(second);

        assertThat(repository.claimExpired(T0.plus(Duration.ofSeconds(59)), 10)).isEmpty();
        assertThat(repository.claimExpired(first.expiresAt(), 10)).containsExactly(first);
        assertThat(repository.claimExpired(second.expiresAt(), 10)).containsExactly(second);
    }

    @Test
    void claimExpiredRejectsANonPositiveMax() {
        assertThatThrownBy(() -> repository.claimExpired(T0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max");
    }

    // ---- last inbound ---------------------------------------------------------------------------------------

    @Test
    void lastInboundIsEmptyForAnUnknownUserAndKeepsTheLatestTime() {
        assertThat(repository.lastInbound(PAGE, "u1")).isEmpty();

        repository.recordInbound(PAGE, "u1", T0.plusSeconds(100));
        repository.recordInbound(PAGE, "u1", T0.plusSeconds(50));
        assertThat(repository.lastInbound(PAGE, "u1")).contains(T0.plusSeconds(100));

        repository.recordInbound(PAGE, "u1", T0.plusSeconds(100));
        repository.recordInbound(PAGE, "u1", T0.plusSeconds(200).plusNanos(999_999));
        assertThat(repository.lastInbound(PAGE, "u1")).contains(T0.plusSeconds(200));
        assertThat(repository.lastInbound(PAGE, "u2")).isEmpty();
        assertThat(repository.lastInbound("9988776655", "u1")).isEmpty();
    }

    @Test
    void lastInboundTimesOfManyUsersAtOnceLeaveOutUnknownUsers() {
        List<String> psids = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            psids.add("u" + i);
            if (i % 3 == 0) {
                repository.recordInbound(PAGE, "u" + i, T0.plusMillis(i));
            }
        }
        repository.recordInbound("9988776655", "u1", T0);
        psids.add(null);
        psids.add("u0");

        Map<String, Instant> times = repository.lastInboundTimes(PAGE, psids);

        assertThat(times).hasSize(400).containsEntry("u0", T0).containsEntry("u1197", T0.plusMillis(1197))
                .doesNotContainKey("u1");
        assertThat(repository.lastInboundTimes(PAGE, List.of())).isEmpty();
    }

    @Test
    void concurrentInboundRecordsKeepTheLatest() throws Exception {
        for (int round = 0; round < 5; round++) {
            String psid = "r" + round;
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Instant at = T0.plusSeconds(i * 7L % 16);
                tasks.add(() -> {
                    repository.recordInbound(PAGE, psid, at);
                    return null;
                });
            }
            race(tasks);
            assertThat(repository.lastInbound(PAGE, psid)).contains(T0.plusSeconds(15));
        }
    }

    // ---- concurrency ----------------------------------------------------------------------------------------

    @Test
    void sixteenRacingTakersGetTheWaitExactlyOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            String psid = "race" + round;
            Wait wait = waitFor(psid, "ask-email", T0, THIRTY_MINUTES);
            repository.putWait(wait);
            List<Callable<Optional<Wait>>> takers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                takers.add(() -> repository.takeWait(PAGE, psid, T0.plusSeconds(1)));
            }

            List<Wait> won = race(takers).stream().flatMap(Optional::stream).toList();

            assertThat(won).as("round %d", round).containsExactly(wait);
        }
    }

    @Test
    void concurrentClaimersGetEachExpiredWaitOnce() throws Exception {
        Set<Wait> expiring = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Wait wait = waitFor("c" + i, "step", T0, Duration.ofSeconds(1 + i % 60));
            expiring.add(wait);
            repository.putWait(wait);
        }
        Instant now = T0.plus(Duration.ofMinutes(5));
        ConcurrentLinkedQueue<Wait> claimed = new ConcurrentLinkedQueue<>();
        List<Callable<Object>> claimers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            claimers.add(() -> {
                List<Wait> batch;
                while (!(batch = repository.claimExpired(now, 7)).isEmpty()) {
                    claimed.addAll(batch);
                }
                return null;
            });
        }

        race(claimers);

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
        assertThat(new HashSet<>(claimed)).isEqualTo(expiring);
    }

    @Test
    void concurrentPutsForANewUserLeaveOneWait() throws Exception {
        for (int round = 0; round < 5; round++) {
            String psid = "put" + round;
            List<Callable<Object>> putters = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Wait wait = waitFor(psid, "step-" + i, T0, THIRTY_MINUTES);
                putters.add(() -> {
                    repository.putWait(wait);
                    return null;
                });
            }
            race(putters);

            Optional<Wait> taken = repository.takeWait(PAGE, psid, T0);
            assertThat(taken).isPresent();
            assertThat(taken.get().step()).startsWith("step-");
            assertThat(repository.takeWait(PAGE, psid, T0)).isEmpty();
        }
    }

    /**
     * A wait replaced while callers race to take it: the old one is taken at most once, the new one is taken once
     * or still pending, never both.
     */
    @Test
    void aWaitReplacedDuringRacingTakesIsResolvedAtMostOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            String psid = "swap" + round;
            Wait old = waitFor(psid, "old", T0, THIRTY_MINUTES);
            Wait replacement = waitFor(psid, "new", T0, THIRTY_MINUTES);
            repository.putWait(old);
            List<Callable<Optional<Wait>>> tasks = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tasks.add(() -> repository.takeWait(PAGE, psid, T0));
                if (i == 3) {
                    tasks.add(() -> {
                        repository.putWait(replacement);
                        return Optional.empty();
                    });
                }
            }

            List<Wait> won = race(tasks).stream().flatMap(Optional::stream).toList();
            Optional<Wait> left = repository.findWait(PAGE, psid);

            assertThat(won.stream().filter(old::equals).count()).as("old taken").isLessThanOrEqualTo(1);
            long replacementSeen = won.stream().filter(replacement::equals).count() + (left.isPresent() ? 1 : 0);
            assertThat(replacementSeen).as("new taken or pending").isEqualTo(1);
            left.ifPresent(w -> assertThat(w).isEqualTo(replacement));
            repository.takeWait(PAGE, psid, T0);
        }
    }

    /** An expired wait replaced during an expiry sweep: either it expires (once) and the new one stays, or not. */
    @Test
    void aWaitReplacedDuringAnExpirySweepNeverFiresAndStays() throws Exception {
        for (int round = 0; round < 10; round++) {
            String psid = "sweep" + round;
            Wait expired = waitFor(psid, "old", T0, Duration.ofSeconds(1));
            Wait replacement = waitFor(psid, "new", T0.plusSeconds(10), THIRTY_MINUTES);
            repository.putWait(expired);
            Instant now = T0.plusSeconds(10);
            List<Callable<List<Wait>>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> repository.claimExpired(now, 10));
            }
            tasks.add(() -> {
                repository.putWait(replacement);
                return List.of();
            });

            List<Wait> claimed = race(tasks).stream().flatMap(List::stream).toList();

            assertThat(claimed).isSubsetOf(expired).hasSizeLessThanOrEqualTo(1);
            assertThat(repository.takeWait(PAGE, psid, now)).contains(replacement);
        }
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    @Test
    void stopAndStartKeepTheState() {
        Wait wait = waitFor("u1", "ask-email", T0, THIRTY_MINUTES);
        repository.putWait(wait);
        repository.recordInbound(PAGE, "u1", T0);

        repository.stop();
        repository.start();

        assertThat(repository.findWait(PAGE, "u1")).contains(wait);
        assertThat(repository.lastInbound(PAGE, "u1")).contains(T0);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** Runs the tasks on their own threads, released together, and returns their results in task order. */
    static <T> List<T> race(List<? extends Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch ready = new CountDownLatch(tasks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void lastInboundTimesOlderThanTheCutOffArePruned() {
        repository.recordInbound(PAGE, "now", T0);
        repository.recordInbound(PAGE, "old", T0.minus(Duration.ofDays(9))); // a late delivery of an old event
        repository.recordInbound(PAGE, "recent", T0.minus(Duration.ofDays(7)));

        assertThat(repository.pruneLastInbound(T0.minus(ConversationStateRepository.DEFAULT_LAST_INBOUND_RETENTION)))
                .isEqualTo(1);

        assertThat(repository.lastInbound(PAGE, "old")).isEmpty();
        assertThat(repository.lastInbound(PAGE, "recent")).contains(T0.minus(Duration.ofDays(7)));
        assertThat(repository.lastInbound(PAGE, "now")).contains(T0);
        assertThat(repository.pruneLastInbound(T0.minus(Duration.ofDays(8)))).isZero();
    }
}
