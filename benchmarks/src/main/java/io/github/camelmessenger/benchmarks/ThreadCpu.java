package io.github.camelmessenger.benchmarks;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a round's CPU went, by thread (-Dthreads.cpu=true): the process figure alone cannot tell an event loop's work
 * from a hand-off's wake-ups, a watchdog's timer or the JIT. Threads are grouped by name without trailing digits.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> before = new HashMap<>();
    private final long switchesBefore = contextSwitches();

    ThreadCpu() {
        for (long id : THREADS.getAllThreadIds()) {
            before.put(id, THREADS.getThreadCpuTime(id));
        }
    }

    /**
     * The voluntary context switches of all this JVM's threads so far (Linux; -1 elsewhere): each is a thread that
     * parked or waited in epoll, and was woken, which the CPU time of the threads shows only in part.
     */
    private static long contextSwitches() {
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            return -1;
        }
        long sum = 0;
        for (File task : tasks) {
            try {
                for (String line : Files.readAllLines(new File(task, "status").toPath())) {
                    if (line.startsWith("voluntary_ctxt_switches:")) {
                        sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the thread ended meanwhile
            }
        }
        return sum;
    }

    /** The CPU each group of threads used since this was made, in µs per message, largest first. */
    String perMessage(int messages) {
        Map<String, Long> byGroup = new TreeMap<>();
        for (var info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(info.getThreadId());
            if (now < 0) {
                continue;
            }
            long used = now - before.getOrDefault(info.getThreadId(), 0L);
            byGroup.merge(info.getThreadName().replaceAll("[-#\\s]*\\d+$", ""), used, Long::sum);
        }
        long switches = contextSwitches();
        double switchesPerMessage = switches < 0 || switchesBefore < 0
                ? Double.NaN : (double) (switches - switchesBefore) / messages;
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "  context switches/msg %.2f; threads, µs/msg:", switchesPerMessage));
        byGroup.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(),
                        e.getValue() / 1e3 / messages)));
        return out.toString();
    }
}
