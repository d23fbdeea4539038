package io.github.camelmessenger.benchmarks.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * Webhook throughput: signed single-event POSTs from wrk (64 connections, loopback) to (a) messenger:webhook with a
 * route that only counts, (b) a plain platform-http route that verifies the HMAC and parses with Jackson, and (c)
 * Camel's camel-whatsapp webhook (which checks no signature) with a route that only counts, all served by the same
 * Camel Main (Vert.x platform-http) in this JVM, measured in turn after a warm-up.
 * <p>
 * Arguments (all optional): {@code seconds=20 warmup=10 rounds=2 connections=64 threads=2 port=18080}, and
 * {@code ingress=platform-http} to serve (a) through a platform-http consumer, the path of non-Vert.x engines.
 */
public final class WebhookBenchmark {

    static final String APP_SECRET = "benchmark-app-secret";
    /** camel-whatsapp 4.18 serves its fixed default path whatever webhookPath says */
    static final String WHATSAPP_PATH = "/camel-whatsapp/webhook";
    static final String BODY = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE_1\",\"time\":1458692752478,"
                               + "\"messaging\":[{\"sender\":{\"id\":\"USER_1\"},\"recipient\":{\"id\":\"PAGE_1\"},"
                               + "\"timestamp\":1458692752478,\"message\":{\"mid\":\"mid.1457764197618:41d102a3e1ae2"
                               + "06a38\",\"text\":\"hello, world!\"}}]}]}";

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = arg(args, "seconds", 20);
        int warmup = arg(args, "warmup", 10);
        int rounds = arg(args, "rounds", 2);
        int connections = arg(args, "connections", 64);
        int threads = arg(args, "threads", 2);
        int port = arg(args, "port", 18080);

        LongAdder messengerCount = new LongAdder();
        LongAdder plainCount = new LongAdder();
        LongAdder whatsappCount = new LongAdder();
        Main main = new Main();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook?webhookPath=/bench/messenger&appSecret=" + APP_SECRET)
                        .routeId("messenger-webhook")
                        .process(e -> messengerCount.increment());
            }
        });
        main.configure().addRoutesBuilder(new PlainPlatformHttpRoute("/bench/plain", APP_SECRET, plainCount));
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:whatsapp:123456?authorizationToken=unused&webhookVerifyToken=unused"
                     + "&webhookAutoRegister=false&webhookComponentName=platform-http")
                        .routeId("whatsapp-webhook")
                        .process(e -> whatsappCount.increment());
            }
        });
        main.addInitialProperty("camel.server.enabled", "true");
        main.addInitialProperty("camel.server.host", "127.0.0.1");
        main.addInitialProperty("camel.server.port", String.valueOf(port));
        main.addInitialProperty("camel.main.jmxEnabled", "false");
        String ingress = stringArg(args, "ingress", "auto");
        if (!"auto".equals(ingress)) {
            main.addInitialProperty("camel.main.globalOptions[CamelMessengerWebhookIngress]", ingress);
        }
        main.start();
        try {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            String signature = sign(body);
            String base = "http://127.0.0.1:" + port;
            WrkRunner wrk = new WrkRunner(threads, connections);

            System.out.printf("Webhook benchmark: wrk -t%d -c%d, %d s warm-up then %d round(s) of %d s per target "
                              + "(messenger ingress: %s)%n",
                    threads, connections, warmup, rounds, seconds, ingress);
            System.out.println("warm-up: " + wrk.run("messenger:webhook", base + "/bench/messenger", body,
                    signature, warmup));
            System.out.println("warm-up: " + wrk.run("platform-http + HMAC + Jackson", base + "/bench/plain", body,
                    signature, warmup));
            System.out.println("warm-up: " + wrk.run("camel-whatsapp webhook", base + WHATSAPP_PATH, body,
                    signature, warmup));

            List<WrkResult> messenger = new ArrayList<>();
            List<WrkResult> plain = new ArrayList<>();
            List<WrkResult> whatsapp = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long before = messengerCount.sum();
                WrkResult m = wrk.run("(a) messenger:webhook", base + "/bench/messenger", body, signature, seconds);
                check(m, messengerCount.sum() - before);
                messenger.add(m);
                System.out.println(m);
                before = plainCount.sum();
                WrkResult p = wrk.run("(b) platform-http + HMAC + Jackson", base + "/bench/plain", body, signature,
                        seconds);
                check(p, plainCount.sum() - before);
                plain.add(p);
                System.out.println(p);
                before = whatsappCount.sum();
                WrkResult w = wrk.run("(c) camel-whatsapp webhook", base + WHATSAPP_PATH, body, signature,
                        seconds);
                check(w, whatsappCount.sum() - before);
                whatsapp.add(w);
                System.out.println(w);
            }
            WrkResult a = mean("(a) messenger:webhook", messenger);
            WrkResult b = mean("(b) platform-http + HMAC + Jackson", plain);
            WrkResult c = mean("(c) camel-whatsapp webhook", whatsapp);
            System.out.println();
            System.out.println("mean " + a);
            System.out.println("mean " + b);
            System.out.println("mean " + c);
            ratio("(a)/(b)", a, b);
            ratio("(a)/(c)", a, c);
        } finally {
            main.stop();
        }
    }

    private static void ratio(String name, WrkResult x, WrkResult y) {
        System.out.printf("ratio %s: throughput %.2fx, CPU per request %.2fx, p99 %.2fx%n", name,
                x.requestsPerSecond() / y.requestsPerSecond(), x.cpuMicrosPerRequest() / y.cpuMicrosPerRequest(),
                x.p99Millis() / y.p99Millis());
    }

    /** Every answered request must have been a 200 that produced exactly one counted event. */
    private static void check(WrkResult r, long counted) {
        if (r.errors() > 0) {
            throw new IllegalStateException(r.target() + ": " + r.errors() + " errors or non-2xx answers");
        }
        // wrk stops counting at the deadline while requests are still in flight
        if (counted < r.requests() || counted > r.requests() + 256) {
            throw new IllegalStateException(r.target() + ": wrk completed " + r.requests() + " requests but the "
                                            + "route counted " + counted + " events");
        }
    }

    private static WrkResult mean(String target, List<WrkResult> results) {
        long requests = 0;
        double rate = 0;
        double p99 = 0;
        double cpu = 0;
        for (WrkResult r : results) {
            requests += r.requests();
            rate += r.requestsPerSecond();
            p99 += r.p99Millis();
            cpu += r.cpuMicrosPerRequest() * r.requests();
        }
        int n = results.size();
        return new WrkResult(target, requests, rate / n, p99 / n, 0, cpu / requests);
    }

    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static int arg(String[] args, String name, int defaultValue) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(defaultValue)));
    }

    private static String stringArg(String[] args, String name, String defaultValue) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return defaultValue;
    }
}
