package io.github.camelmessenger.benchmarks.otn;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.otn.MessengerOtnComponent;
import io.github.camelmessenger.otn.broadcast.BroadcastConsumer;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.OtnToken;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * One-Time Notification broadcast throughput: {@code from("messenger-otn:broadcast").to("messenger:sendMessage")}
 * over N tokens stored in PostgreSQL, next to the plain messenger producer sending N messages with the same number in
 * flight, in the same JVM, against the same mock Send API (a JVM of its own, answering at once). Prints msgs/s and
 * the peak heap of each run (after a System.gc() and a reset of the pools' peaks), for each N.
 * <p>
 * System properties: {@code counts} (10000,100000), {@code inflight} (64), {@code batch} (100, the claim size),
 * {@code warmup} (10000), {@code pg.url} (jdbc:postgresql://127.0.0.1:5432/test), {@code pg.user} (postgres),
 * {@code pg.password} (empty), {@code store} (postgres, or memory: the broadcast on the in-memory store, to see the
 * component without the database).
 */
public final class OtnBroadcastBenchmark {

    private static final String PAGE = "1000";
    private static final String TEXT = "Back in stock: the blue sneakers in your size. Reply SHOP to see them!";

    private final int inFlight = Integer.getInteger("inflight", 64);
    private final int batch = Integer.getInteger("batch", 500);
    private final String prefix = "bench_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    private CamelContext context;
    private AsyncProducer producer;
    private OtnStore store;
    private String mockBase;

    private OtnBroadcastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new OtnBroadcastBenchmark().run();
    }

    private record Result(long messages, double millis, long failures, double peakHeapMb, double peakOldMb,
            double liveAfterMb) {
        double perSecond() {
            return messages * 1000.0 / millis;
        }
    }

    private void run() throws Exception {
        List<Integer> counts = new ArrayList<>();
        for (String c : System.getProperty("counts", "10000,100000").split(",")) {
            counts.add(Integer.parseInt(c.trim()));
        }
        int warmup = Integer.getInteger("warmup", 10000);
        Process mock = startMock();
        JdbcConnectionPool pool = postgres();
        try {
            start(pool);
            System.out.printf("warm-up: %d producer sends, %d broadcast tokens%n", warmup, warmup);
            producerRun(warmup);
            broadcastRun("warmup", warmup);

            List<String> rows = new ArrayList<>();
            for (int n : counts) {
                Result p = producerRun(n);
                Result b = broadcastRun("offers-" + n, n);
                rows.add(String.format(Locale.ROOT,
                        "| %,d | %,.0f | %,.0f | %.2fx | %.0f / %.0f MB | %.0f / %.0f MB | %.0f / %.0f MB |", n,
                        p.perSecond(), b.perSecond(), b.perSecond() / p.perSecond(), p.peakHeapMb(), b.peakHeapMb(),
                        p.peakOldMb(), b.peakOldMb(), p.liveAfterMb(), b.liveAfterMb()));
                if (p.failures() + b.failures() > 0) {
                    System.out.printf("!! failures: producer %d, broadcast %d%n", p.failures(), b.failures());
                }
            }
            System.out.printf("%nJVM %s, %s, max heap %d MB, %d CPUs, in flight %d, claim batch %d, mock stats: %s%n",
                    System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), inFlight, batch,
                    mockStats());
            System.out.println("| tokens | producer msg/s | broadcast msg/s | broadcast/producer "
                               + "| peak heap (producer / broadcast) | peak old gen | heap after GC at the end |");
            System.out.println("|---|---|---|---|---|---|---|");
            rows.forEach(System.out::println);
        } finally {
            if (context != null) {
                context.stop();
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                for (String table : List.of("otn_token", "otn_attribute", "otn_contact")) {
                    s.execute("DROP TABLE IF EXISTS " + prefix + table);
                }
            }
            pool.dispose();
            mock.getOutputStream().close();
            mock.waitFor(5, TimeUnit.SECONDS);
            mock.destroy();
        }
    }

    private void start(JdbcConnectionPool pool) throws Exception {
        context = new DefaultCamelContext();
        MessengerComponent messenger = new MessengerComponent();
        messenger.getConfiguration().setBaseUri(mockBase);
        messenger.getConfiguration().setPageAccessToken("bench-page-token");
        // the mock answers at once: no pacing, no retries, in both runs alike
        messenger.getConfiguration().setRateLimitEnabled(false);
        messenger.getConfiguration().setMaxRetries(0);
        messenger.getConfiguration().setMaxConnections(inFlight);
        context.addComponent("messenger", messenger);
        MessengerOtnComponent otn = new MessengerOtnComponent();
        if (!"memory".equals(System.getProperty("store"))) {
            otn.setDataSource(pool);
        }
        otn.setTablePrefix(prefix);
        otn.setNodeId("bench");
        context.addComponent("messenger-otn", otn);
        context.start();
        store = otn.store();
        producer = context.getEndpoint("messenger:sendMessage").createAsyncProducer();
        ServiceHelper.startService(producer);
    }

    /** The plain producer: n sendMessage exchanges, at most {@code inFlight} at once. */
    private Result producerRun(int n) throws Exception {
        resetPeaks();
        Semaphore window = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(n);
        AtomicLong failures = new AtomicLong();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            window.acquire();
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, "user-" + i);
            exchange.getMessage().setHeader(MessengerConstants.PAGE_ID, PAGE);
            exchange.getMessage().setBody(TEXT);
            producer.process(exchange, doneSync -> {
                if (exchange.getException() != null) {
                    failures.incrementAndGet();
                }
                window.release();
                done.countDown();
            });
        }
        done.await();
        double millis = (System.nanoTime() - t0) / 1e6;
        return new Result(n, millis, failures.get(), peakHeapMb(false), peakHeapMb(true), liveHeapMb());
    }

    /** The broadcast: n stored tokens, one route, one poll; timed from route start until all are CONSUMED. */
    private Result broadcastRun(String topic, int n) throws Exception {
        seed(topic, n);
        resetPeaks();
        long t0 = System.nanoTime();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger-otn:broadcast?topic=" + topic + "&repeatCount=1&initialDelay=0&batchSize=" + batch
                     + "&maxInFlight=" + inFlight)
                        .routeId(topic).setBody(constant(TEXT)).to("messenger:sendMessage");
            }
        });
        BroadcastConsumer consumer = (BroadcastConsumer) context.getRoute(topic).getConsumer();
        while (consumer.getConsumedCount() + consumer.getRetiredCount() < n || store.countTokens(topic, TokenStatus.CONSUMED)
                                                                             + store.countTokens(topic, TokenStatus.RETIRED) < n) {
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("broadcast of " + topic + " did not finish");
            }
            Thread.sleep(consumer.getConsumedCount() < n ? 5 : 1);
        }
        double millis = (System.nanoTime() - t0) / 1e6;
        long failures = consumer.getRetiredCount() + consumer.getReleasedCount();
        double peak = peakHeapMb(false);
        double peakOld = peakHeapMb(true);
        double live = liveHeapMb(); // before the route goes: what the consumer still holds
        context.getRouteController().stopRoute(topic);
        context.removeRoute(topic);
        return new Result(n, millis, failures, peak, peakOld, live);
    }

    private void seed(String topic, int n) {
        Instant t = Instant.now().minusSeconds(86_400);
        int chunk = 10_000;
        for (int from = 0; from < n; from += chunk) {
            List<OtnToken> tokens = new ArrayList<>(chunk);
            for (int i = from; i < Math.min(n, from + chunk); i++) {
                tokens.add(OtnToken.optIn(PAGE, "user-" + i, topic, topic + "-" + UUID.randomUUID(), topic,
                        t.plusMillis(i)));
            }
            store.storeTokens(tokens);
        }
    }

    /** Heap in use after a full collection: what the run retains. */
    private static double liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peak usage, or the old generation's alone. */
    private static double peakHeapMb(boolean oldOnly) {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && (!oldOnly || pool.getName().contains("Old")
                                                       || pool.getName().contains("Tenured"))) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    private Process startMock() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                OtnMockGraph.class.getName(), "1").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null;) {
            if (line.startsWith(OtnMockGraph.READY)) {
                mockBase = "http://127.0.0.1:" + line.substring(OtnMockGraph.READY.length()).trim();
                return process;
            }
        }
        throw new IllegalStateException("the mock Send API did not start");
    }

    private String mockStats() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mockBase + "/_stats")).build(), HttpResponse.BodyHandlers.ofString());
        String[] s = r.body().split(" ");
        return s[0] + " requests, " + s[1] + " distinct tokens, " + s[2] + " refused";
    }

    private static JdbcConnectionPool postgres() {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(System.getProperty("pg.url", "jdbc:postgresql://127.0.0.1:5432/test"));
        ds.setUser(System.getProperty("pg.user", "postgres"));
        ds.setPassword(System.getProperty("pg.password", ""));
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(20);
        return pool;
    }
}
