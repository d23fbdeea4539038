package io.github.camelmessenger.webhook;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelmessenger.testsupport.PostgresTestDatabase;
import io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

import static org.awaitility.Awaitility.await;

/**
 * A webhook node in a JVM of its own, so that a test can kill it for real ({@code kill -9}): it serves the webhook
 * with a {@link JdbcWebhookInbox} and a {@link JdbcMessageIdRepository} on the test PostgreSQL, prints
 * {@code RUNNING <mid>} when an event enters its route and then holds the event forever.
 */
final class ChildNode implements AutoCloseable {

    static final String READY = "CHILD-NODE-READY";
    static final String RUNNING = "CHILD-NODE-RUNNING ";

    private final Process process;
    private final int port;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private ChildNode(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process died: its output ends here
            }
        }, "child-node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a node on {@code port} with the given inbox and repository tables and waits until it serves. */
    static ChildNode start(int port, String inboxTable, String repositoryTable) {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ChildNode.class.getName(), String.valueOf(port), inboxTable, repositoryTable);
        pb.redirectErrorStream(true);
        try {
            ChildNode node = new ChildNode(pb.start(), port);
            await().atMost(Duration.ofSeconds(60)).until(() -> node.printed(READY) || !node.process.isAlive());
            if (!node.printed(READY)) {
                throw new IllegalStateException("child node did not start: " + node.output);
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    boolean printed(String line) {
        return output.stream().anyMatch(l -> l.contains(line));
    }

    /** SIGKILL: no shutdown hook, no stop, no release of anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child node did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        var ds = PostgresTestDatabase.dataSourceOrSkip();
        JdbcMessageIdRepository repository = TestDatabases.processedKeys(ds, args[2]);
        WebhookTestServer server = new WebhookTestServer(port)
                .bind("inbox", new JdbcWebhookInbox(ds, args[1])).bind("processed", repository)
                .routes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("messenger:webhook?inbox=#inbox&idempotentRepository=#processed&inboxLeaseTime=1000"
                             + "&inboxPollDelay=50&appSecret=" + WebhookClient.APP_SECRET)
                                .process(e -> {
                                    System.out.println(RUNNING + e.getIn().getHeader("CamelMessengerMessageId"));
                                    System.out.flush();
                                    Thread.sleep(Long.MAX_VALUE);
                                });
                    }
                }).start();
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
        server.close();
    }
}
