package io.github.camelmessenger.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a fixed number of sends in flight with a sliding window: each completion starts the next send, until the
 * requested number has been started. Records each send's latency (start to completion) in a preallocated array, so
 * that the harness adds next to nothing per message.
 */
final class LoadDriver {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private LoadDriver() {
    }

    /** Measured figures of one run. */
    record Run(int messages, long elapsedNanos, long[] sortedLatencies, long clientCpuNanos, long mockCpuNanos,
               long allocatedBytes) {

        double messagesPerSecond() {
            return messages * 1e9 / elapsedNanos;
        }

        double percentileMillis(double p) {
            int index = (int) Math.ceil(p * sortedLatencies.length) - 1;
            return sortedLatencies[Math.max(0, Math.min(index, sortedLatencies.length - 1))] / 1e6;
        }

        double clientCpuMicrosPerMessage() {
            return clientCpuNanos / 1e3 / messages;
        }

        /** Heap bytes allocated by all threads of this JVM per message: unlike CPU time, next to free of noise. */
        double allocatedBytesPerMessage() {
            return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / messages;
        }

        double mockCpuMicrosPerMessage() {
            return mockCpuNanos < 0 ? Double.NaN : mockCpuNanos / 1e3 / messages;
        }
    }

    static Run run(SendTarget target, int messages, int inflight, MockProcess mock, long timeoutSeconds)
            throws InterruptedException {
        Window window = new Window(target, messages);
        long mockCpu0 = mock.cpuNanos();
        long allocated0 = allocatedBytes();
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < Math.min(inflight, messages); i++) {
            window.startNext();
        }
        if (!window.finished.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("run did not finish within " + timeoutSeconds + " s: "
                                            + window.completed.get() + " of " + messages + " completed, "
                                            + Math.min(window.started.get(), messages) + " started (the first "
                                            + Math.min(inflight, messages) + " from the calling thread); never "
                                            + "completed: " + window.pending() + "; mock: " + mock.stats());
        }
        long elapsed = System.nanoTime() - t0;
        long cpu = OS.getProcessCpuTime() - cpu0;
        long allocated1 = allocatedBytes();
        long mockCpu1 = mock.cpuNanos();
        Throwable failure = window.failure.get();
        if (failure != null) {
            throw new IllegalStateException("a send failed: " + failure, failure);
        }
        long[] latencies = window.latencies;
        Arrays.sort(latencies);
        return new Run(messages, elapsed, latencies, cpu, mockCpu0 < 0 || mockCpu1 < 0 ? -1 : mockCpu1 - mockCpu0,
                allocated0 < 0 || allocated1 < 0 ? -1 : allocated1 - allocated0);
    }

    private static long allocatedBytes() {
        try {
            return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled()
                    ? THREADS.getTotalThreadAllocatedBytes() : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    private static final class Window {
        final SendTarget target;
        final int messages;
        final long[] latencies;
        final boolean[] done;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch finished = new CountDownLatch(1);

        Window(SendTarget target, int messages) {
            this.target = target;
            this.messages = messages;
            this.latencies = new long[messages];
            this.done = new boolean[messages];
        }

        /** The sequence numbers of started sends that have not completed (a diagnostic for a hung run). */
        String pending() {
            List<Integer> pending = new ArrayList<>();
            int n = Math.min(started.get(), messages);
            for (int i = 0; i < n && pending.size() < 20; i++) {
                if (!done[i]) {
                    pending.add(i);
                }
            }
            return pending.toString();
        }

        void startNext() {
            // After a failure no new send starts; the run ends when the ones in flight are back.
            int index = failure.get() == null ? started.getAndIncrement() : messages;
            if (index >= messages) {
                return;
            }
            long start = System.nanoTime();
            target.send(error -> {
                latencies[index] = System.nanoTime() - start;
                done[index] = true;
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                int done = completed.incrementAndGet();
                if (done == messages || (failure.get() != null && done == Math.min(started.get(), messages))) {
                    finished.countDown();
                } else {
                    startNext();
                }
            });
        }
    }
}
