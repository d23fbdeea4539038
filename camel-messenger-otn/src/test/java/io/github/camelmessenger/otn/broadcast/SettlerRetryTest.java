package io.github.camelmessenger.otn.broadcast;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.otn.store.ClaimedToken;
import io.github.camelmessenger.otn.store.InMemoryOtnStore;
import io.github.camelmessenger.otn.store.OtnStoreException;
import io.github.camelmessenger.otn.store.OtnToken;
import io.github.camelmessenger.otn.store.TokenBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 11: the settler retries writing a batch's outcomes for as long as the lease, not five times in half a
 * second. The batch's store write fails for a while (a database outage, seen through the batch).
 */
class SettlerRetryTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A batch whose writes fail until {@code failUntil} (System.nanoTime), counting attempts. */
    private static final class FailingBatch implements TokenBatch {
        final AtomicInteger attempts = new AtomicInteger();
        final long failUntil;
        volatile boolean written;

        FailingBatch(long failForMillis) {
            this.failUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(failForMillis);
        }

        @Override
        public List<ClaimedToken> tokens() {
            OtnToken token = OtnToken.optIn("1000", "u1", "t", "tok-1", "t", Instant.now());
            return List.of(new ClaimedToken(token, "owner", Instant.now().plusSeconds(60), Map.of()));
        }

        @Override
        public List<String> finish(Collection<String> consumed, Map<String, String> retired) {
            attempts.incrementAndGet();
            if (System.nanoTime() < failUntil) {
                throw new OtnStoreException("database down (injected)");
            }
            written = true;
            return List.of();
        }
    }

    private OpenBatch settle(Settler settler, FailingBatch batch) {
        OpenBatch open = new OpenBatch(batch, settler::finish, held -> {
        });
        open.consumed("tok-1");
        return open;
    }

    @Test
    void anOutageShorterThanTheLeaseIsWaitedOut() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Settler settler = new Settler(new InMemoryOtnStore(), "owner", executor, b -> finished.countDown(), 10_000);
        FailingBatch batch = new FailingBatch(1_500); // longer than the old five attempts (50+100+150+200 ms)
        settle(settler, batch);

        assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
        System.out.printf("settler: outage of 1.5 s, lease 10 s: written after %d attempts%n", batch.attempts.get());
        assertThat(batch.written).as("the outcome was written once the database was back").isTrue();
        assertThat(batch.attempts.get()).isGreaterThan(5);
    }

    @Test
    void anOutageLongerThanTheLeaseIsGivenUpAfterTheLease() throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Settler settler = new Settler(new InMemoryOtnStore(), "owner", executor, b -> finished.countDown(), 800);
        FailingBatch batch = new FailingBatch(60_000);
        long start = System.nanoTime();
        settle(settler, batch);

        assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(batch.written).isFalse();
        assertThat(took).as("given up no sooner than the lease").isGreaterThanOrEqualTo(800);
    }
}
