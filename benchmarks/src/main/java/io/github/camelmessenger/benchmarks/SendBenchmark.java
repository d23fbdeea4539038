package io.github.camelmessenger.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Send producer throughput: the component's producer against a local mock of the Send API, next to a plain Vert.x
 * HttpClient loop that builds the same request per message with Jackson (and, on request, a plain JDK HttpClient
 * loop), on the same mock, for each payload ({@link Payload}) at each mock latency.
 *
 * <p>
 * This JVM coordinates: per latency it starts the mock (a JVM of its own) and warms it, starts one JVM per scenario
 * ({@link ScenarioMain}), warms each in turn, then runs the measured rounds interleaved (round 1 of each scenario,
 * then round 2, ...), and prints the table and ratios. System properties (passed on to the
 * scenario JVMs with this JVM's other options): {@code messages} (per measured round, 20000), {@code inflight} (64),
 * {@code latencies} (mock latencies in ms, "0,20"), {@code warmup} (messages per warm-up batch, 10000),
 * {@code warmup.seconds} (warm-up batches repeat for at least this long, 15), {@code rounds} (measured rounds; the
 * median round by msgs/s is reported, 3), {@code scenarios} ("component,component-eventloop,vertx"; also "jdk"), {@code payloads}
 * ("text,quickReplies,cards"), {@code mock.eventLoops} (1),
 * {@code profile} (a scenario to record with JFR during its measured rounds and summarise), {@code threads.cpu}
 * (true: each round also prints its CPU per thread and its context switches per message, see {@link ThreadCpu}),
 * {@code component.rateLimit} (turn the component's pacer on at this many calls/s; off by default).
 */
public final class SendBenchmark {

    static final String COMPONENT = "component";
    /** The component with continueOnEventLoop=true: no hand-off to its pool after the answer. */
    static final String COMPONENT_ON_LOOP = "component-eventloop";
    static final String VERTX = "vertx";
    static final String JDK = "jdk";

    private final ScenarioMain.Settings settings = ScenarioMain.Settings.fromSystemProperties();
    private final int mockEventLoops = Integer.getInteger("mock.eventLoops", 1);
    private final long[] latencies = Arrays.stream(System.getProperty("latencies", "0,20").split(","))
            .map(String::trim).mapToLong(Long::parseLong).toArray();
    private final List<String> scenarios = Arrays.stream(System.getProperty("scenarios", "component,component-eventloop,vertx")
            .split(",")).map(String::trim).toList();
    private final List<Payload> payloads = Arrays.stream(System.getProperty("payloads", "text,quickReplies,cards")
            .split(",")).map(String::trim).map(Payload::of).toList();

    public static void main(String[] args) throws Exception {
        new SendBenchmark().run();
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT,
                "Send benchmark: %d messages per round, %d in flight, %d rounds (median shown), warm-up >= %d s "
                                       + "(batches of %d), each scenario in its own JVM, rounds interleaved%n"
                                       + "%d CPUs, Java %s (%s), mock Send API in a separate JVM (%d event loop(s))%n"
                                       + "component: %s, maxConnections=%d; component-eventloop: the same with "
                                       + "continueOnEventLoop=true%n"
                                       + "payloads: %s; the raw Vert.x loop builds each request per message with "
                                       + "Jackson%n%n",
                settings.messages(), settings.inflight(), settings.rounds(), settings.warmupSeconds(),
                settings.warmup(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), mockEventLoops,
                Integer.getInteger("component.rateLimit") == null
                        ? "rateLimitEnabled=false (the 300/s Page pacing would otherwise be the limit measured)"
                        : "rateLimitEnabled=true, rateLimit=" + Integer.getInteger("component.rateLimit"),
                settings.inflight(),
                payloads.stream().map(p -> p.id + " (" + p.json().length + " bytes)").toList());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Row> rows = new ArrayList<>();
        for (long latency : latencies) {
            try (MockProcess mock = MockProcess.start(latency, mockEventLoops)) {
                // A fresh mock runs interpreted at first: warm it here, so no scenario pays for that.
                try (VertxLoop loop = new VertxLoop(mock.port(), settings.inflight(), Payload.TEXT)) {
                    ScenarioMain.warmUp(loop, mock, settings, latency + " ms mock");
                }
                for (Payload payload : payloads) {
                    rows.addAll(runAtLatency(latency, payload, mock));
                }
            }
        }
        // Other work on the machine skews every figure; the load average says whether there was any.
        System.out.printf(Locale.ROOT, "%nsystem load average (1 min): %.2f before, %.2f after%n%n", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println(table(rows));
        System.out.println(ratios(rows));
    }

    private List<Row> runAtLatency(long latency, Payload payload, MockProcess mock) throws Exception {
        List<ScenarioJvm> jvms = new ArrayList<>();
        try {
            for (String scenario : scenarios) {
                jvms.add(new ScenarioJvm(scenario, latency, payload, mock));
            }
            for (ScenarioJvm jvm : jvms) {
                jvm.command("warmup");
            }
            for (int round = 1; round <= settings.rounds(); round++) {
                for (ScenarioJvm jvm : jvms) {
                    jvm.command("round");
                }
            }
            for (ScenarioJvm jvm : jvms) {
                jvm.command("finish");
            }
        } finally {
            for (ScenarioJvm jvm : jvms) {
                jvm.close();
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ScenarioJvm jvm : jvms) {
            rows.add(jvm.row());
        }
        return rows;
    }

    /** A scenario JVM ({@link ScenarioMain}) and what it reported. */
    private final class ScenarioJvm implements AutoCloseable {
        final String scenario;
        final long latency;
        final Payload payload;
        final Process process;
        final BufferedReader out;
        final Writer in;
        final List<Round> rounds = new ArrayList<>();
        String failure;

        ScenarioJvm(String scenario, long latency, Payload payload, MockProcess mock) throws IOException {
            this.scenario = scenario;
            this.latency = latency;
            this.payload = payload;
            List<String> command = new ArrayList<>();
            command.add(MockProcess.java());
            // the same heap, GC and -D settings as this JVM
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", MockProcess.classpath(), ScenarioMain.class.getName(), scenario,
                    Integer.toString(mock.port()), Long.toString(mock.pid()), Long.toString(latency),
                    payload.id));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Sends a command and echoes the answer up to its end; a failed JVM is skipped from then on. */
        void command(String command) throws IOException {
            if (failure != null) {
                return;
            }
            try {
                in.write(command + "\n");
                in.flush();
            } catch (IOException e) {
                failure = "scenario JVM gone: " + e;
                return;
            }
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ScenarioMain.RESULT)) {
                    rounds.add(Round.parse(line.substring(ScenarioMain.RESULT.length())));
                    return;
                }
                if (line.equals(ScenarioMain.DONE)) {
                    return;
                }
                System.out.println(line);
                if (line.startsWith(ScenarioMain.FAILED)) {
                    failure = line.substring(ScenarioMain.FAILED.length());
                    System.out.printf("%d ms %s: not measured%n", latency, scenario);
                    return;
                }
            }
            failure = "scenario JVM exited during " + command;
        }

        Row row() {
            if (failure != null || rounds.isEmpty()) {
                return new Row(latency, payload, scenario, null, List.of(), failure != null ? failure : "no rounds");
            }
            List<Round> sorted = new ArrayList<>(rounds);
            sorted.sort(Comparator.comparingDouble(Round::messagesPerSecond));
            return new Row(latency, payload, scenario, sorted.get(sorted.size() / 2), List.copyOf(rounds), null);
        }

        @Override
        public void close() throws InterruptedException {
            try {
                in.close(); // end of commands: the JVM exits
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** One measured round, as a scenario JVM reports it. */
    record Round(double messagesPerSecond, double p50Millis, double p99Millis, double clientCpuMicros,
                 double mockCpuMicros) {
        static Round parse(String line) {
            double[] v = Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
            return new Round(v[0], v[1], v[2], v[3], v[4]);
        }
    }

    /** A scenario's median round, and all its rounds in the order they ran. */
    record Row(long latency, Payload payload, String scenario, Round round, List<Round> rounds, String failure) {
    }

    /**
     * The ratio of msgs/s of each round to the baseline's round run right after or before it: the rounds are
     * interleaved, so each pair saw the same state of the machine.
     */
    private static String pairedRatios(Row row, Row base) {
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(row.rounds().size(), base.rounds().size()); i++) {
            ratios.add(String.format(Locale.ROOT, "%.2f",
                    row.rounds().get(i).messagesPerSecond() / base.rounds().get(i).messagesPerSecond()));
        }
        return "per round " + String.join(" / ", ratios);
    }

    private static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| mock latency | payload | scenario | msgs/s | p50 ms | p99 ms | client CPU µs/msg | mock CPU µs/msg |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            if (row.round() == null) {
                out.append(String.format(Locale.ROOT, "| %d ms | %s | %s | not measured: %s | | | | |%n",
                        row.latency(), row.payload().id, label(row.scenario()), row.failure()));
            } else {
                Round r = row.round();
                out.append(String.format(Locale.ROOT, "| %d ms | %s | %s | %.0f | %.2f | %.2f | %.1f | %.1f |%n",
                        row.latency(), row.payload().id, label(row.scenario()), r.messagesPerSecond(), r.p50Millis(), r.p99Millis(),
                        r.clientCpuMicros(), r.mockCpuMicros()));
            }
        }
        return out.toString();
    }

    private static String label(String scenario) {
        return switch (scenario) {
            case COMPONENT -> "component";
            case COMPONENT_ON_LOOP -> "component, continueOnEventLoop";
            case VERTX -> "plain Vert.x HttpClient";
            case JDK -> "plain JDK HttpClient.sendAsync";
            default -> scenario;
        };
    }

    private String ratios(List<Row> rows) {
        StringBuilder out = new StringBuilder("ratios of the median rounds (of each round with its baseline round):\n");
        for (long latency : latencies) {
          for (Payload payload : payloads) {
            Row vertx = find(rows, latency, payload, VERTX);
            if (vertx == null || vertx.round() == null) {
                continue;
            }
            Round base = vertx.round();
            List<String> parts = new ArrayList<>();
            Row component = find(rows, latency, payload, COMPONENT);
            if (component != null && component.round() != null) {
                double ratio = component.round().messagesPerSecond() / base.messagesPerSecond();
                parts.add(String.format(Locale.ROOT, "component/vertx = %.2fx msgs/s (%s; target >= 1.00x: %s), %.2fx "
                                                     + "CPU per message",
                        ratio, pairedRatios(component, vertx), ratio >= 1.0 ? "met" : "NOT met",
                        component.round().clientCpuMicros() / base.clientCpuMicros()));
            } else if (component != null) {
                parts.add("component not measured");
            }
            Row onLoop = find(rows, latency, payload, COMPONENT_ON_LOOP);
            if (onLoop != null && onLoop.round() != null) {
                double ratio = onLoop.round().messagesPerSecond() / base.messagesPerSecond();
                parts.add(String.format(Locale.ROOT, "component-eventloop/vertx = %.2fx msgs/s (%s), %.2fx CPU per "
                                                     + "message",
                        ratio, pairedRatios(onLoop, vertx), onLoop.round().clientCpuMicros() / base.clientCpuMicros()));
            }
            Row jdk = find(rows, latency, payload, JDK);
            if (jdk != null && jdk.round() != null) {
                parts.add(String.format(Locale.ROOT, "jdk/vertx = %.2fx msgs/s (%s), %.2fx CPU per message",
                        jdk.round().messagesPerSecond() / base.messagesPerSecond(), pairedRatios(jdk, vertx),
                        jdk.round().clientCpuMicros() / base.clientCpuMicros()));
            }
            if (!parts.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%d ms, %s: %s%n", latency, payload.id,
                        String.join("; ", parts)));
            }
          }
        }
        return out.toString();
    }

    private static Row find(List<Row> rows, long latency, Payload payload, String scenario) {
        return rows.stream()
                .filter(r -> r.latency() == latency && r.payload() == payload && r.scenario().equals(scenario))
                .findFirst()
                .orElse(null);
    }
}
