package io.github.camelmessenger.internal;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where exchanges continue after a Graph API answer, off the event loop. A thread pool over a blocking queue wakes an
 * idle thread for nearly every answer (a park and an unpark, two context switches), which cost a send as much CPU as
 * the rest of its path. Here a task wakes a thread only when no thread is awake: an awake thread takes the next task
 * when it finishes its own, so a steady stream of answers is served without waking anyone. A thread whose last wait
 * was short spins up to {@link #SPIN_NANOS} for the next task before it parks.
 * <p>
 * A route step may block (a database, a file). Then the tasks queued behind it would wait: a watchdog thread, awake
 * only while tasks are queued, wakes another thread whenever no task was taken for {@link #STALL_NANOS}, up to
 * {@code maxThreads}. Idle threads are reused most recently idle first (warm caches) and never time out.
 */
public final class ContinuationPool implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuationPool.class);

    /** A queue this long without a task taken means the awake threads are blocked: wake another. */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * A thread whose last wait was shorter than this waits for the next task spinning, before it parks: answers then
     * come faster than a park and an unpark take (two context switches and, in a VM, an interrupt between cores).
     * A thread that waited longer parks at once, so a quiet pool costs nothing.
     */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);

    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedDeque<Worker> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger threads = new AtomicInteger();
    /** Threads not parked: running a task or looking for one. */
    private final AtomicInteger awake = new AtomicInteger();
    private final AtomicBoolean watching = new AtomicBoolean();
    private final int maxThreads;
    private final BiFunction<String, Runnable, Thread> threadFactory;
    private final String name;
    private final Thread watchdog;
    private volatile long lastTake = System.nanoTime();
    /** How often the watchdog looked at the queue (written by the watchdog only). */
    private volatile long watchdogChecks;
    private volatile boolean shutdown;

    /**
     * @param threadFactory makes a (daemon) thread of a name and a runnable, e.g. Camel's
     *                      {@code ExecutorServiceManager::newThread}
     */
    public ContinuationPool(String name, int maxThreads, BiFunction<String, Runnable, Thread> threadFactory) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1: " + maxThreads);
        }
        this.name = name;
        this.maxThreads = maxThreads;
        this.threadFactory = threadFactory;
        this.watchdog = threadFactory.apply(name + "Watchdog", this::watch);
        this.watchdog.start();
    }

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException(name + " is shut down");
        }
        tasks.offer(task);
        if (awake.get() == 0) {
            wakeOne();
        } else if (!watching.get() && watching.compareAndSet(false, true)) {
            LockSupport.unpark(watchdog);
        }
    }

    /** Wakes the most recently idle thread, or starts one while below the maximum. */
    private void wakeOne() {
        Worker worker = idle.pollFirst();
        if (worker != null) {
            awake.incrementAndGet();
            worker.wake();
            return;
        }
        int n = threads.get();
        while (n < maxThreads) {
            if (threads.compareAndSet(n, n + 1)) {
                awake.incrementAndGet();
                Worker started = new Worker();
                started.thread = threadFactory.apply(name, started);
                started.thread.start();
                return;
            }
            n = threads.get();
        }
        // every thread is awake: one of them takes the task when it is free (the watchdog sees to stalls)
    }

    /**
     * Sleeps as soon as it finds the queue empty. Ticking on for a while would spare an unpark when the next task
     * comes soon, but at a few thousand answers a second it kept the watchdog ticking for good, a timer wake-up every
     * {@link #STALL_NANOS}: an eighth of the CPU a send cost at 20 ms answers.
     */
    private void watch() {
        while (!shutdown) {
            if (!watching.get()) {
                LockSupport.park(this);
                continue;
            }
            LockSupport.parkNanos(this, STALL_NANOS);
            watchdogChecks++;
            if (tasks.isEmpty()) {
                watching.set(false);
                // a task queued while we stopped watching saw watching=true and did not call us
                if (!tasks.isEmpty()) {
                    watching.set(true);
                }
            } else {
                if (System.nanoTime() - lastTake > STALL_NANOS || awake.get() == 0) {
                    wakeOne();
                }
            }
        }
    }

    /** Runs what is queued, then lets the threads end; waits up to {@code timeoutMillis} for them. */
    public void shutdown(long timeoutMillis) {
        shutdown = true;
        LockSupport.unpark(watchdog);
        for (Worker w; (w = idle.pollFirst()) != null;) {
            w.wake();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (threads.get() > 0 && System.nanoTime() < deadline) {
            for (Worker w; (w = idle.pollFirst()) != null;) {
                w.wake();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        // what no thread took runs here rather than never
        for (Runnable t; (t = tasks.poll()) != null;) {
            runSafely(t);
        }
    }

    /** How often the watchdog woke to look at the queue. */
    long watchdogChecks() {
        return watchdogChecks;
    }

    /** Threads started and not ended. */
    int threadCount() {
        return threads.get();
    }

    public boolean isShutdown() {
        return shutdown;
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.warn("A continuation failed outside its exchange", t);
        }
    }

    private final class Worker implements Runnable {
        private volatile Thread thread;
        private volatile boolean woken;
        /** How long this thread last waited for a task, parked or spinning. */
        private long lastIdleNanos = Long.MAX_VALUE;

        /** Waits up to {@link #SPIN_NANOS} for a task without parking; true when one came. */
        private boolean spinForTask(long since) {
            do {
                Thread.onSpinWait();
                if (!tasks.isEmpty()) {
                    lastIdleNanos = System.nanoTime() - since;
                    return true;
                }
            } while (System.nanoTime() - since < SPIN_NANOS);
            return false;
        }

        void wake() {
            woken = true;
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Runnable task = tasks.poll();
                    if (task != null) {
                        lastTake = System.nanoTime();
                        runSafely(task);
                        continue;
                    }
                    if (shutdown) {
                        awake.decrementAndGet();
                        return;
                    }
                    long idleSince = System.nanoTime();
                    if (lastIdleNanos < SPIN_NANOS && spinForTask(idleSince)) {
                        continue;
                    }
                    woken = false;
                    idle.offerFirst(this);
                    awake.decrementAndGet();
                    // a task queued after our poll saw us awake and woke no one: take it ourselves
                    if ((!tasks.isEmpty() || shutdown) && idle.remove(this)) {
                        awake.incrementAndGet();
                        continue;
                    }
                    while (!woken) {
                        LockSupport.park(this);
                    }
                    lastIdleNanos = System.nanoTime() - idleSince;
                }
            } finally {
                threads.decrementAndGet();
            }
        }
    }

    @Override
    public String toString() {
        return "ContinuationPool[" + name + ", threads=" + threads.get() + ", awake=" + awake.get() + ", queued="
               + tasks.size() + "]";
    }
}
