package io.github.camelmessenger.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Send producer throughput: {@code messenger:sendMessage} against a local mock of the Send API, next to a plain Vert.x
 * HttpClient loop and a plain JDK HttpClient loop on the same mock, at each mock latency.
 *
 * <p>
 * System properties: {@code messages} (per measured round, 20000), {@code inflight} (64), {@code latencies} (mock
 * latencies in ms, "0,20"), {@code warmup} (messages per scenario before measuring, 10000), {@code rounds} (measured
 * rounds, interleaved across scenarios; the median round by msgs/s is shown, 3), {@code scenarios}
 * ("component,vertx,jdk"), {@code mock.eventLoops} (1), {@code profile} (a scenario to record with JFR during its
 * measured rounds, summarised at the end of each latency).
 */
public final class SendBenchmark {

    private static final String COMPONENT = "component";
    private static final String VERTX = "vertx";
    private static final String JDK = "jdk";

    private final int messages = Integer.getInteger("messages", 20_000);
    private final int inflight = Integer.getInteger("inflight", 64);
    private final int warmup = Integer.getInteger("warmup", 10_000);
    private final int rounds = Integer.getInteger("rounds", 3);
    private final int mockEventLoops = Integer.getInteger("mock.eventLoops", 1);
    private final long[] latencies = Arrays.stream(System.getProperty("latencies", "0,20").split(","))
            .map(String::trim).mapToLong(Long::parseLong).toArray();
    private final List<String> scenarios = Arrays.stream(System.getProperty("scenarios", "component,vertx,jdk")
            .split(",")).map(String::trim).toList();
    private final String profiled = System.getProperty("profile", "");
    private final byte[] body = Payload.json();

    public static void main(String[] args) throws Exception {
        new SendBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT,
                "Send benchmark: %d messages per round, %d in flight, %d rounds (median shown), warm-up %d per "
                                       + "scenario%n%d CPUs, Java %s (%s), mock Send API in a separate JVM (%d event loop(s))%n"
                                       + "component: messenger:sendMessage, rateLimitEnabled=false (the 300/s Page pacing "
                                       + "would otherwise be the limit measured), maxConnections=%d%n"
                                       + "payload: text + 2 quick replies, %d bytes of JSON%n%n",
                messages, inflight, rounds, warmup, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), mockEventLoops, inflight,
                body.length);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Row> rows = new ArrayList<>();
        for (long latency : latencies) {
            rows.addAll(runAtLatency(latency));
        }
        // Other work on the machine skews every figure; the load average says whether there was any.
        System.out.printf(Locale.ROOT, "%nsystem load average (1 min): %.2f before, %.2f after%n", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println();
        System.out.println(table(rows));
        System.out.println(ratios(rows));
    }

    private List<Row> runAtLatency(long latency) throws Exception {
        Map<String, SendTarget> targets = new LinkedHashMap<>();
        Map<String, List<LoadDriver.Run>> runs = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        try (MockProcess mock = MockProcess.start(latency, mockEventLoops)) {
            try {
                for (String scenario : scenarios) {
                    try {
                        SendTarget target = create(scenario, mock.port());
                        targets.put(scenario, target);
                        LoadDriver.run(target, warmup, inflight, mock, 180);
                        checkPayload(scenario, mock);
                        runs.put(scenario, new ArrayList<>());
                    } catch (Exception e) {
                        failures.put(scenario, describe(e));
                        System.out.printf("%d ms %s: not measured: %s%n", latency, scenario, describe(e));
                    }
                }
                // -Dprofile=component (or vertx, jdk) records where that scenario's time goes, at each latency.
                JfrProfile profile = runs.containsKey(profiled) ? new JfrProfile(profiled + "-" + latency + "ms") : null;
                for (int round = 1; round <= rounds; round++) {
                    for (Map.Entry<String, List<LoadDriver.Run>> entry : runs.entrySet()) {
                        String scenario = entry.getKey();
                        if (failures.containsKey(scenario)) {
                            continue;
                        }
                        try {
                            boolean profiling = profile != null && scenario.equals(profiled);
                            if (profiling) {
                                profile.resume();
                            }
                            LoadDriver.Run run = LoadDriver.run(targets.get(scenario), messages, inflight, mock, 180);
                            if (profiling) {
                                profile.pause();
                            }
                            entry.getValue().add(run);
                            System.out.printf(Locale.ROOT,
                                    "%d ms %-9s round %d: %8.0f msgs/s  p50 %6.2f ms  p99 %6.2f ms  CPU %6.1f µs/msg "
                                                           + "(mock %5.1f)%n",
                                    latency, scenario, round, run.messagesPerSecond(), run.percentileMillis(0.50),
                                    run.percentileMillis(0.99), run.clientCpuMicrosPerMessage(),
                                    run.mockCpuMicrosPerMessage());
                        } catch (Exception e) {
                            failures.put(scenario, describe(e));
                            System.out.printf("%d ms %s: failed: %s%n", latency, scenario, describe(e));
                        }
                    }
                }
                if (profile != null) {
                    profile.close();
                }
            } finally {
                for (SendTarget target : targets.values()) {
                    try {
                        target.close();
                    } catch (Exception e) {
                        System.out.println("closing a scenario failed: " + describe(e));
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String scenario : scenarios) {
            List<LoadDriver.Run> measured = runs.getOrDefault(scenario, List.of());
            if (failures.containsKey(scenario) || measured.isEmpty()) {
                rows.add(new Row(latency, scenario, null, failures.getOrDefault(scenario, "not measured")));
            } else {
                List<LoadDriver.Run> sorted = new ArrayList<>(measured);
                sorted.sort(Comparator.comparingDouble(LoadDriver.Run::messagesPerSecond));
                rows.add(new Row(latency, scenario, sorted.get(sorted.size() / 2), null));
            }
        }
        return rows;
    }

    private SendTarget create(String scenario, int port) throws Exception {
        return switch (scenario) {
            case COMPONENT -> new ComponentTarget(port, inflight);
            case VERTX -> new VertxLoop(port, inflight, body);
            case JDK -> new JdkLoop(port, body);
            default -> throw new IllegalArgumentException("unknown scenario " + scenario + "; known: component,vertx,jdk");
        };
    }

    /** Every scenario must put the same JSON on the wire, or the comparison means nothing. */
    private void checkPayload(String scenario, MockProcess mock) throws Exception {
        MockProcess.LastRequest last = mock.lastRequest();
        ObjectMapper mapper = new ObjectMapper();
        boolean same = mapper.readTree(last.body()).equals(mapper.readTree(body));
        System.out.printf("%s: %s, %d bytes: %s%n", scenario, last.request(), last.body().length(),
                same ? "same JSON as the baselines" : "DIFFERENT JSON from the baselines: " + last.body());
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e + " (cause: " + root + ")";
    }

    record Row(long latency, String scenario, LoadDriver.Run run, String failure) {
    }

    private static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| mock latency | scenario | msgs/s | p50 ms | p99 ms | client CPU µs/msg | mock CPU µs/msg |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            if (row.run() == null) {
                out.append(String.format(Locale.ROOT, "| %d ms | %s | %s | | | | |%n", row.latency(), label(row.scenario()),
                        "not measured: " + row.failure()));
            } else {
                LoadDriver.Run r = row.run();
                out.append(String.format(Locale.ROOT, "| %d ms | %s | %.0f | %.2f | %.2f | %.1f | %.1f |%n",
                        row.latency(), label(row.scenario()), r.messagesPerSecond(), r.percentileMillis(0.50),
                        r.percentileMillis(0.99), r.clientCpuMicrosPerMessage(), r.mockCpuMicrosPerMessage()));
            }
        }
        return out.toString();
    }

    private static String label(String scenario) {
        return switch (scenario) {
            case COMPONENT -> "component (messenger:sendMessage)";
            case VERTX -> "plain Vert.x HttpClient";
            case JDK -> "plain JDK HttpClient.sendAsync";
            default -> scenario;
        };
    }

    private String ratios(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (long latency : latencies) {
            Row vertx = find(rows, latency, VERTX);
            if (vertx == null || vertx.run() == null) {
                continue;
            }
            double base = vertx.run().messagesPerSecond();
            List<String> parts = new ArrayList<>();
            Row component = find(rows, latency, COMPONENT);
            if (component != null && component.run() != null) {
                double ratio = component.run().messagesPerSecond() / base;
                parts.add(String.format(Locale.ROOT, "component/vertx = %.2fx msgs/s (target >= 0.90x: %s), %.2fx CPU "
                                                     + "per message",
                        ratio, ratio >= 0.9 ? "met" : "NOT met",
                        component.run().clientCpuMicrosPerMessage() / vertx.run().clientCpuMicrosPerMessage()));
            } else if (component != null) {
                parts.add("component not measured");
            }
            Row jdk = find(rows, latency, JDK);
            if (jdk != null && jdk.run() != null) {
                parts.add(String.format(Locale.ROOT, "jdk/vertx = %.2fx msgs/s, %.2fx CPU per message",
                        jdk.run().messagesPerSecond() / base,
                        jdk.run().clientCpuMicrosPerMessage() / vertx.run().clientCpuMicrosPerMessage()));
            }
            if (!parts.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%d ms: %s%n", latency, String.join("; ", parts)));
            }
        }
        return out.toString();
    }

    private static Row find(List<Row> rows, long latency, String scenario) {
        return rows.stream().filter(r -> r.latency() == latency && r.scenario().equals(scenario)).findFirst()
                .orElse(null);
    }
}
