package io.github.camelmessenger.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The mock Send API running in a child JVM (same java binary, same classpath), with its CPU time readable from here
 * and from the scenario JVMs.
 */
final class MockProcess implements AutoCloseable {

    /** Null when attached to a mock another JVM started. */
    private final Process process;
    private final ProcessHandle handle;
    private final int port;

    private MockProcess(Process process, ProcessHandle handle, int port) {
        this.process = process;
        this.handle = handle;
        this.port = port;
    }

    /** The mock another JVM of this benchmark started (a scenario JVM uses the coordinator's mock). */
    static MockProcess attach(int port, long pid) {
        return new MockProcess(null, ProcessHandle.of(pid).orElseThrow(
                () -> new IllegalStateException("no mock Send API process " + pid)), port);
    }

    long pid() {
        return handle.pid();
    }

    static MockProcess start(long latencyMillis, int eventLoops) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xms128m", "-Xmx256m", "-cp", classpath(),
                MockSendApi.class.getName(), Long.toString(latencyMillis), Integer.toString(eventLoops)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(MockSendApi.READY)) {
                return new MockProcess(process, process.toHandle(),
                        Integer.parseInt(line.substring(MockSendApi.READY.length()).trim()));
            }
        }
        process.destroyForcibly();
        throw new IOException("the mock Send API exited before listening (exit code " + exitCode(process) + ")");
    }

    int port() {
        return port;
    }

    /** CPU time (user + system) the mock JVM has used so far, in nanoseconds; -1 when the OS does not say. */
    long cpuNanos() {
        return handle.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** The body (and method, URI, bearer token or not) of the last POST the mock received. */
    LastRequest lastRequest() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/_last");
        return new LastRequest(response.headers().firstValue("X-Last-Request").orElse(""), response.body());
    }

    /** How many POSTs the mock received and answered, to tell a lost request from a lost answer. */
    String stats() {
        try {
            return get("/_stats").body();
        } catch (IOException e) {
            return "unknown: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    record LastRequest(String request, String body) {
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process == null) {
            return;
        }
        process.getOutputStream().close(); // the mock exits when its stdin closes
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** The java binary running this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The classpath of this program. Under {@code mvn exec:java} the project's classes live in a class loader of the
     * Maven JVM, not on {@code java.class.path}, so that loader's URLs are used when there is one.
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        if (MockProcess.class.getClassLoader() instanceof URLClassLoader loader) {
            for (URL url : loader.getURLs()) {
                if ("file".equals(url.getProtocol())) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException e) {
                        entries.add(url.getPath());
                    }
                }
            }
        }
        if (entries.isEmpty()) {
            entries.add(System.getProperty("java.class.path"));
        }
        return String.join(File.pathSeparator, entries);
    }
}
