package io.github.camelmessenger.benchmarks.webhook;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;

/** Drives a URL with wrk (a POST of a fixed signed body from a Lua script) and reads its report. */
final class WrkRunner {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("\\s([0-9]+) requests in");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)\\b");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)");

    private final int threads;
    private final int connections;
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    WrkRunner(int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
    }

    WrkResult run(String target, String url, byte[] body, String signature, int seconds)
            throws IOException, InterruptedException {
        Path lua = Files.createTempFile("webhook-", ".lua");
        try {
            Files.writeString(lua, script(body, signature), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                    "-d" + seconds + "s", "--latency", "--timeout", "10s", "-s", lua.toString(), url));
            long cpuBefore = os.getProcessCpuTime();
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = wrk.waitFor();
            long cpuNanos = os.getProcessCpuTime() - cpuBefore;
            if (exit != 0) {
                throw new IllegalStateException("wrk failed (" + exit + "):\n" + out);
            }
            long requests = group(TOTAL, out, 1) == null ? 0 : Long.parseLong(group(TOTAL, out, 1));
            long errors = 0;
            if (group(NON_2XX, out, 1) != null) {
                errors += Long.parseLong(group(NON_2XX, out, 1));
            }
            Matcher socket = SOCKET_ERRORS.matcher(out);
            if (socket.find()) {
                for (int i = 1; i <= 4; i++) {
                    errors += Long.parseLong(socket.group(i));
                }
            }
            return new WrkResult(target, requests, Double.parseDouble(group(RATE, out, 1)), p99Millis(out), errors,
                    requests == 0 ? 0 : cpuNanos / 1000.0 / requests);
        } finally {
            Files.deleteIfExists(lua);
        }
    }

    private static double p99Millis(String out) {
        Matcher m = P99.matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static String group(Pattern p, String s, int group) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(group) : null;
    }

    private static String script(byte[] body, String signature) {
        // the body goes in as a Lua byte string with every byte escaped, so the signed bytes are sent unchanged
        StringBuilder lua = new StringBuilder("wrk.method = \"POST\"\nwrk.body = \"");
        for (byte b : body) {
            lua.append('\\').append(b & 0xff);
        }
        lua.append("\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n")
                .append("wrk.headers[\"X-Hub-Signature-256\"] = \"").append(signature).append("\"\n");
        return lua.toString();
    }
}
