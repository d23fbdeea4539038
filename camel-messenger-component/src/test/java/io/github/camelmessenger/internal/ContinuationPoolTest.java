package io.github.camelmessenger.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pool exchanges continue on: every task runs exactly once whoever submits it, a steady chain of tasks keeps one
 * thread busy instead of waking others, and a blocked task does not hold the tasks queued behind it.
 */
class ContinuationPoolTest {

    private final AtomicInteger named = new AtomicInteger();
    private final ContinuationPool pool = new ContinuationPool("test", 8, (name, runnable) -> {
        Thread t = new Thread(runnable, name + "-" + named.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        pool.shutdown(5_000);
    }

    @Test
    void everyTaskRunsExactlyOnceWhateverThreadSubmitsIt() throws Exception {
        int submitters = 4;
        int each = 50_000;
        AtomicLong sum = new AtomicLong();
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(submitters * each);
        Thread[] threads = new Thread[submitters];
        for (int s = 0; s < submitters; s++) {
            int base = s * each;
            threads[s] = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    int value = base + i;
                    pool.execute(() -> {
                        sum.addAndGet(value);
                        ran.incrementAndGet();
                        done.countDown();
                    });
                    if (i % 1000 == 0) {
                        Thread.yield(); // let the pool go idle now and then: the wake-up path is exercised too
                    }
                }
            });
            threads[s].start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).as("all tasks ran").isTrue();
        long n = (long) submitters * each;
        assertThat(ran.get()).isEqualTo(n);
        assertThat(sum.get()).isEqualTo(n * (n - 1) / 2);
    }

    @Test
    void tasksSubmittedOneByOneAfterIdlePausesAllRun() throws Exception {
        // the pool goes idle between tasks: each task must wake a parked thread, none may be lost
        for (int i = 0; i < 2_000; i++) {
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(ran::countDown);
            assertThat(ran.await(5, TimeUnit.SECONDS)).as("task " + i).isTrue();
            if (i % 100 == 0) {
                Thread.sleep(1);
            }
        }
    }

    @Test
    void aSteadyChainOfTasksIsServedByOneThread() throws Exception {
        Set<String> threadNames = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger left = new AtomicInteger(20_000);
        Runnable step = new Runnable() {
            @Override
            public void run() {
                threadNames.add(Thread.currentThread().getName());
                if (left.decrementAndGet() > 0) {
                    pool.execute(this); // as an answer's continuation starting the next send
                } else {
                    done.countDown();
                }
            }
        };
        pool.execute(step);

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        // a pool that woke a thread per task would spread 20,000 tasks over all 8; the watchdog may add one or two when
        // the busy thread is descheduled for over a millisecond on a loaded machine
        assertThat(threadNames).as("threads that ran the chain").hasSizeLessThanOrEqualTo(3);
        assertThat(pool.threadCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void aThreadThatSpinsForTheNextTaskParksOnceTasksStopComing() throws Exception {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ContinuationPool spinning = new ContinuationPool("spin", 2, (name, runnable) -> {
            Thread t = new Thread(runnable, name);
            t.setDaemon(true);
            threads.add(t);
            return t;
        });
        try {
            // tasks closer together than SPIN_NANOS: the thread waits for the next one spinning, not parked
            CountDownLatch burst = new CountDownLatch(20_000);
            for (int i = 0; i < 20_000; i++) {
                spinning.execute(burst::countDown);
                long next = System.nanoTime() + 2_000;
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
            }
            assertThat(burst.await(30, TimeUnit.SECONDS)).isTrue();
            ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
            long before = threads.stream().mapToLong(t -> cpu.getThreadCpuTime(t.getId())).sum();
            Thread.sleep(500);
            long idleCpu = threads.stream().mapToLong(t -> cpu.getThreadCpuTime(t.getId())).sum() - before;
            // one spin of 20 µs, then parked: a thread spinning on would have burnt the whole half second
            assertThat(TimeUnit.NANOSECONDS.toMillis(idleCpu)).as("CPU ms of the idle pool").isLessThan(50);
            CountDownLatch later = new CountDownLatch(1);
            spinning.execute(later::countDown);
            assertThat(later.await(5, TimeUnit.SECONDS)).as("a task after the pause").isTrue();
        } finally {
            spinning.shutdown(5_000);
        }
    }

    /** Runs a task that blocks, as a route step waiting on a database does, until {@code release}; waits for it. */
    private void blockOneThread(CountDownLatch release) throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(1);
        pool.execute(() -> {
            blocked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(blocked.await(5, TimeUnit.SECONDS)).as("the blocking task started").isTrue();
    }

    @Test
    void aBlockedTaskDoesNotHoldTheTasksQueuedBehindIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        blockOneThread(release);

        CountDownLatch others = new CountDownLatch(10);
        for (int i = 0; i < 10; i++) {
            pool.execute(others::countDown); // then nothing more is submitted
        }
        long start = System.nanoTime();
        assertThat(others.await(5, TimeUnit.SECONDS)).as("queued tasks ran beside the blocked one").isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
        assertThat(release.getCount()).as("still blocked").isEqualTo(1);
        release.countDown();
    }

    @Test
    void theWatchdogSleepsOnceTheQueueIsEmpty() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        blockOneThread(release);
        CountDownLatch behind = new CountDownLatch(1);
        pool.execute(behind::countDown); // queued behind the blocked task: the watchdog wakes
        assertThat(behind.await(5, TimeUnit.SECONDS)).as("the task behind the blocked one").isTrue();
        release.countDown();

        long checks = pool.watchdogChecks();
        Thread.sleep(300);
        // it looks at most once more (the queue it found empty): no timer wake-ups while nothing is queued
        assertThat(pool.watchdogChecks() - checks).as("watchdog checks of an empty queue in 300 ms")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void manyBlockedTasksGetThreadsUpToTheMaximum() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(8);
        for (int i = 0; i < 8; i++) {
            pool.execute(() -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).as("8 blocked tasks on 8 threads").isTrue();
        CountDownLatch ninth = new CountDownLatch(1);
        pool.execute(ninth::countDown);
        assertThat(ninth.await(200, TimeUnit.MILLISECONDS)).as("no ninth thread").isFalse();
        release.countDown();
        assertThat(ninth.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.threadCount()).isLessThanOrEqualTo(8);
    }

    @Test
    void camelsThreadsAreNamedAndDoNotKeepTheJvmAlive() throws Exception {
        try (org.apache.camel.impl.DefaultCamelContext camel = new org.apache.camel.impl.DefaultCamelContext()) {
            org.apache.camel.spi.ExecutorServiceManager threads = camel.getExecutorServiceManager();
            ContinuationPool camelPool = new ContinuationPool("MessengerProducerContinuation",
                    threads.getDefaultThreadPoolProfile().getMaxPoolSize(), threads::newThread);
            try {
                AtomicReference<Thread> ran = new AtomicReference<>();
                CountDownLatch done = new CountDownLatch(1);
                camelPool.execute(() -> {
                    ran.set(Thread.currentThread());
                    done.countDown();
                });
                assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(ran.get().isDaemon()).isTrue();
                assertThat(ran.get().getName()).contains("MessengerProducerContinuation");
            } finally {
                camelPool.shutdown(5_000);
            }
        }
    }

    @Test
    void shutdownRunsWhatIsQueuedAndRefusesMore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 8; i++) {
            pool.execute(() -> {
                try {
                    release.await(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.incrementAndGet();
            });
        }
        for (int i = 0; i < 20; i++) {
            pool.execute(ran::incrementAndGet);
        }
        pool.shutdown(5_000);

        assertThat(ran.get()).isEqualTo(28);
        assertThat(pool.threadCount()).isZero();
        assertThatThrownBy(() -> pool.execute(() -> {
        })).isInstanceOf(RejectedExecutionException.class);
    }
}
