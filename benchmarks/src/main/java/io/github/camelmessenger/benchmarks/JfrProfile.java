package io.github.camelmessenger.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time of one scenario goes: JFR recordings of execution samples (every 1 ms per running thread) and
 * allocation samples during its measured rounds, summarised as the hottest methods (self time) and the share of samples that pass
 * through each method of the component or of Jackson/Camel (inclusive time).
 */
final class JfrProfile implements AutoCloseable {

    private static final String[] INCLUSIVE_PREFIXES = {
            "io.github.camelmessenger.", "com.fasterxml.jackson.", "org.apache.camel." };
    private static final String HARNESS = JfrProfile.class.getPackageName() + ".";

    private final String name;
    private final List<Path> segments = new ArrayList<>();
    private Recording recording;

    JfrProfile(String name) {
        this.name = name;
    }

    /** Starts recording: scenarios run interleaved, so only the profiled one's rounds are recorded. */
    void resume() {
        recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(Long.getLong("profile.periodMillis", 1)))
                .withStackTrace();
        if (Boolean.parseBoolean(System.getProperty("profile.allocations", "true"))) {
            // the allocation samples' stack walks slow the profiled scenario down: off for a truer split of CPU time
            recording.enable("jdk.ObjectAllocationSample").withStackTrace();
        }
        recording.setToDisk(true);
        recording.start();
    }

    void pause() throws IOException {
        recording.stop();
        Path file = Path.of("target", "send-benchmark-" + name + "-" + (segments.size() + 1) + ".jfr")
                .toAbsolutePath();
        Files.createDirectories(file.getParent());
        recording.dump(file);
        recording.close();
        recording = null;
        segments.add(file);
    }

    @Override
    public void close() throws IOException {
        if (recording != null) {
            pause();
        }
        summarise();
    }

    private void summarise() throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> selfByGroup = new HashMap<>();
        Map<String, Integer> innermost = new HashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        long allocated = 0;
        int samples = 0;
        List<RecordedEvent> events = new ArrayList<>();
        for (Path file : segments) {
            events.addAll(RecordingFile.readAllEvents(file));
        }
        for (RecordedEvent event : events) {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            String type = event.getEventType().getName();
            if ("jdk.ExecutionSample".equals(type)) {
                samples++;
                self.merge(method(frames.get(0)), 1, Integer::sum);
                selfByGroup.merge(group(method(frames.get(0))), 1, Integer::sum);
                innermost.merge(innermostComponentFrame(frames), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String m = method(frame);
                    if (isInclusive(m) && seen.add(m)) {
                        inclusive.merge(m, 1, Integer::sum);
                    }
                }
            } else if ("jdk.ObjectAllocationSample".equals(type)) {
                long weight = event.getLong("weight");
                allocated += weight;
                // the first frame of the component, Jackson or Camel: who asked for the memory
                String owner = method(frames.get(0));
                for (RecordedFrame frame : frames) {
                    String m = method(frame);
                    if (isInclusive(m)) {
                        owner = m;
                        break;
                    }
                }
                allocations.merge(owner, weight, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%nprofile of %s: %d execution samples (1 ms), recordings %s%n", name, samples,
                segments);
        print("self time by library", selfByGroup, samples, 12);
        print("by innermost component method on the stack (its own code plus the JDK, Jackson, Camel, Vert.x code it "
              + "calls, excluding deeper component methods; a completion starts the next send, so this is the split "
              + "that adds up)", innermost, samples, 30);
        print("hottest methods (self)", self, samples, 25);
        print("component, Jackson and Camel methods (inclusive)", inclusive, samples, 40);
        System.out.printf(Locale.ROOT, "  allocation (sampled weight %d MB), by first component/Jackson/Camel frame:%n",
                allocated >> 20);
        double total = allocated;
        allocations.entrySet().stream().sorted(Map.Entry.<String, Long> comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer> comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / samples,
                        e.getKey()));
    }

    private static String group(String method) {
        String[][] groups = {
                { "io.github.camelmessenger.benchmarks.", "benchmark harness" },
                { "io.github.camelmessenger.", "component" },
                { "com.fasterxml.jackson.", "Jackson" },
                { "org.apache.camel.", "Camel" },
                { "io.vertx.", "Vert.x" },
                { "io.netty.", "Netty" },
                { "java.", "JDK" },
                { "jdk.", "JDK" },
                { "sun.", "JDK" } };
        for (String[] g : groups) {
            if (method.startsWith(g[0])) {
                return g[1];
            }
        }
        return "other";
    }

    /** The innermost frame of the component (not the harness), or what the sample was doing outside it. */
    private static String innermostComponentFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String m = method(frame);
            if (m.startsWith("io.github.camelmessenger.") && !m.startsWith(HARNESS)) {
                return m;
            }
        }
        for (RecordedFrame frame : frames) {
            String m = method(frame);
            if (m.startsWith(HARNESS)) {
                return "(harness, outside the component) " + m;
            }
        }
        return "(outside the component: " + group(method(frames.get(0))) + ")";
    }

    private static boolean isInclusive(String method) {
        if (method.startsWith(HARNESS)) {
            return false;
        }
        for (String prefix : INCLUSIVE_PREFIXES) {
            if (method.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String method(RecordedFrame frame) {
        RecordedMethod m = frame.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
