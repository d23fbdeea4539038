package io.github.camelmessenger.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One scenario in a JVM of its own, driven by {@link SendBenchmark} against its mock. A JVM per scenario keeps each
 * one's JIT profile its own (the component and the plain Vert.x loop share Vert.x and Netty code, and code compiled
 * for one's types gets deoptimized by the other) and its CPU time its own. The coordinator still interleaves the
 * measured rounds of all scenarios, so that a burst of other work on the machine spreads over all of them.
 *
 * <p>
 * Arguments: {@code scenario mockPort mockPid latencyMillis payload}; settings as system properties (see
 * {@link SendBenchmark}). Commands, one per line on standard input: {@code warmup}, {@code round}, {@code finish}.
 * Each is answered with human-readable lines, then {@code DONE}, or a {@code RESULT} line for a round, or
 * {@code FAILED} (and the JVM exits).
 */
public final class ScenarioMain {

    static final String RESULT = "RESULT ";
    static final String FAILED = "FAILED ";
    static final String DONE = "DONE";

    private ScenarioMain() {
    }

    public static void main(String[] args) {
        String scenario = args[0];
        int port = Integer.parseInt(args[1]);
        MockProcess mock = MockProcess.attach(port, Long.parseLong(args[2]));
        long latency = Long.parseLong(args[3]);
        Payload payload = Payload.of(args[4]);
        Settings settings = Settings.fromSystemProperties();
        int status = 0;
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (SendTarget target = create(scenario, port, settings, payload)) {
            // -Dprofile=component (or vertx, jdk) records where that scenario's time goes, in its rounds only.
            JfrProfile profile = scenario.equals(settings.profile())
                    ? new JfrProfile(scenario + "-" + latency + "ms") : null;
            int round = 0;
            String command;
            while ((command = commands.readLine()) != null) {
                switch (command) {
                    case "warmup" -> {
                        warmUp(target, mock, settings, latency + " ms " + scenario);
                        System.out.println(DONE);
                    }
                    case "round" -> {
                        round++;
                        if (profile != null) {
                            profile.resume();
                        }
                        ThreadCpu threads = Boolean.getBoolean("threads.cpu") ? new ThreadCpu() : null;
                        LoadDriver.Run run = LoadDriver.run(target, settings.messages(), settings.inflight(), mock,
                                180);
                        if (profile != null) {
                            profile.pause();
                        }
                        System.out.printf(Locale.ROOT,
                                "%d ms %-9s round %d: %8.0f msgs/s  p50 %6.2f ms  p99 %6.2f ms  CPU %6.1f µs/msg "
                                                       + "(mock %5.1f)  heap %6.0f B/msg%n",
                                latency, scenario, round, run.messagesPerSecond(), run.percentileMillis(0.50),
                                run.percentileMillis(0.99), run.clientCpuMicrosPerMessage(),
                                run.mockCpuMicrosPerMessage(), run.allocatedBytesPerMessage());
                        if (threads != null) {
                            System.out.println(threads.perMessage(settings.messages()));
                        }
                        System.out.printf(Locale.ROOT, "%s%f %f %f %f %f%n", RESULT, run.messagesPerSecond(),
                                run.percentileMillis(0.50), run.percentileMillis(0.99),
                                run.clientCpuMicrosPerMessage(), run.mockCpuMicrosPerMessage());
                    }
                    case "finish" -> {
                        if (profile != null) {
                            profile.close();
                        }
                        checkPayload(scenario, mock, payload);
                        System.out.println(DONE);
                    }
                    default -> throw new IllegalArgumentException("unknown command " + command);
                }
                System.out.flush();
            }
        } catch (Exception e) {
            System.out.println(FAILED + describe(e));
            status = 1;
        }
        System.out.flush();
        // Camel, Vert.x and the JDK client may leave non-daemon threads behind; this JVM's work is done.
        System.exit(status);
    }

    /**
     * Warm-up batches until the JIT has settled: at least {@code warmup.seconds}, then until a batch is no longer 10 %
     * faster than every batch before it (on two busy cores the compiler threads compete with the event loops, and a
     * fixed count left the component measured half-compiled), but no longer than four times {@code warmup.seconds}.
     */
    static void warmUp(SendTarget target, MockProcess mock, Settings settings, String what) throws InterruptedException {
        long start = System.nanoTime();
        long minimum = start + settings.warmupSeconds() * 1_000_000_000L;
        long maximum = start + 4L * settings.warmupSeconds() * 1_000_000_000L;
        double best = 0;
        double last;
        boolean improving;
        int warmed = 0;
        do {
            last = LoadDriver.run(target, settings.warmup(), settings.inflight(), mock, 180).messagesPerSecond();
            improving = last > 1.1 * best;
            best = Math.max(best, last);
            warmed += settings.warmup();
        } while (System.nanoTime() < minimum || (improving && System.nanoTime() < maximum));
        System.out.printf(Locale.ROOT, "%s: warmed up with %d messages in %.1f s, last batch %.0f msgs/s%n", what,
                warmed, (System.nanoTime() - start) / 1e9, last);
    }

    /** The settings every scenario JVM shares, from system properties. */
    record Settings(int messages, int inflight, int warmup, int warmupSeconds, int rounds, String profile) {
        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("messages", 20_000), Integer.getInteger("inflight", 64),
                    Integer.getInteger("warmup", 10_000), Integer.getInteger("warmup.seconds", 15),
                    Integer.getInteger("rounds", 3), System.getProperty("profile", ""));
        }
    }

    private static SendTarget create(String scenario, int port, Settings settings, Payload payload)
            throws Exception {
        return switch (scenario) {
            case SendBenchmark.COMPONENT -> new ComponentTarget(port, settings.inflight(), payload, false);
            case SendBenchmark.COMPONENT_ON_LOOP -> new ComponentTarget(port, settings.inflight(), payload, true);
            case SendBenchmark.VERTX -> new VertxLoop(port, settings.inflight(), payload);
            case SendBenchmark.JDK -> new JdkLoop(port, payload.json());
            default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: component,component-eventloop,vertx,jdk");
        };
    }

    /** Every scenario must put the same JSON on the wire, or the comparison means nothing. */
    private static void checkPayload(String scenario, MockProcess mock, Payload payload) throws Exception {
        MockProcess.LastRequest last = mock.lastRequest();
        ObjectMapper mapper = new ObjectMapper();
        boolean same = mapper.readTree(last.body()).equals(mapper.readTree(payload.json()));
        System.out.printf("%s: %s, %d bytes: %s%n", scenario, last.request(), last.body().length(),
                same ? "same JSON as the baselines" : "DIFFERENT JSON from the baselines: " + last.body());
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (cause: " + root + ")";
    }
}
