package io.github.camelmessenger.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.model.event.MessengerEvent;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelmessenger.webhook.WebhookClient.APP_SECRET;
import static io.github.camelmessenger.webhook.WebhookClient.fixture;
import static io.github.camelmessenger.webhook.WebhookClient.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of mutated bodies and signatures: never a 500, never an exchange without a valid signature, never a hang
 * (every request has a client timeout). The seed is printed; rerun one with -Dwebhook.fuzz.seed=...
 */
class WebhookRandomizedTest {

    private static final List<String> FIXTURES = List.of("message.json", "quick-reply.json", "reply-to.json",
            "attachments.json", "echo.json", "postback.json", "optin.json", "otn-optin.json", "referral.json",
            "delivery.json", "read.json", "reaction.json", "account-linking.json", "pass-thread-control.json",
            "take-thread-control.json", "request-thread-control.json", "app-roles.json", "message-edit.json",
            "game-play.json", "policy-enforcement.json", "standby.json", "batch.json", "non-ascii-escaped.json",
            "non-ascii-raw.json");
    private static final int MAX_BODY = 16384;
    private static final long TIME_BUDGET_MILLIS = 60_000;

    @Test
    void viaTheVertxRouter() {
        fuzz(false, 2000);
    }

    @Test
    void viaAPlatformHttpConsumer() {
        fuzz(true, 500);
    }

    private void fuzz(boolean platformHttpConsumer, int iterations) {
        long seed = Long.getLong("webhook.fuzz.seed", 20260517L + (platformHttpConsumer ? 1 : 0));
        System.out.println("WebhookRandomizedTest seed=" + seed + " (platformHttpConsumer=" + platformHttpConsumer
                           + ", iterations=" + iterations + ")");
        Random random = new Random(seed);
        BodyMutator mutator = new BodyMutator(random);
        AtomicInteger exchanges = new AtomicInteger();
        AtomicInteger badBodies = new AtomicInteger();
        WebhookTestServer server = new WebhookTestServer();
        if (platformHttpConsumer) {
            server.viaPlatformHttpConsumer();
        }
        try (server) {
            server.routes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("messenger:webhook?eventTypes=*&maxBodySize=" + MAX_BODY + "&appSecret=" + APP_SECRET)
                            .process(e -> {
                                if (!(e.getIn().getBody() instanceof MessengerEvent event) || event.type() == null) {
                                    badBodies.incrementAndGet();
                                }
                                exchanges.incrementAndGet();
                            });
                }
            }).start();
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = URI.create(server.url("/messenger/webhook"));
            long deadline = System.currentTimeMillis() + TIME_BUDGET_MILLIS;
            int signed = 0;
            int accepted = 0;
            int i = 0;
            for (; i < iterations && System.currentTimeMillis() < deadline; i++) {
                byte[] original = fixture(FIXTURES.get(random.nextInt(FIXTURES.size())));
                byte[] body = random.nextInt(8) == 0 ? original : mutator.mutate(original);
                if (random.nextInt(40) == 0) {
                    body = oversized(body);
                }
                Signature signature = signature(random, original, body);
                HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
                for (String h : signature.headers) {
                    request.header("X-Hub-Signature-256", h);
                }
                int before = exchanges.get();
                HttpResponse<String> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.net.http.HttpTimeoutException e) {
                    fail("Iteration " + i + " (seed " + seed + ") hung: no answer within 10 s");
                    return;
                } catch (Exception e) {
                    throw new AssertionError("Iteration " + i + " (seed " + seed + "): " + e, e);
                }
                int status = response.statusCode();
                String context = "iteration " + i + " (seed " + seed + "), signature " + signature.kind + ", status "
                                 + status + ", body " + preview(body);
                assertThat(status).as(context).isLessThan(500);
                if (body.length > MAX_BODY) {
                    assertThat(status).as(context).isEqualTo(413);
                } else if (!signature.valid) {
                    assertThat(status).as(context).isEqualTo(403);
                } else {
                    signed++;
                    assertThat(status).as(context).isIn(200, 400);
                    if (status == 200) {
                        accepted++;
                    }
                }
                if (!signature.valid || status != 200) {
                    // the answer comes after the route, so nothing of this request can still be on its way
                    assertThat(exchanges.get()).as("no exchange: " + context).isEqualTo(before);
                }
            }
            System.out.println("WebhookRandomizedTest: " + i + " requests, " + signed + " validly signed, " + accepted
                               + " accepted, " + exchanges.get() + " exchanges");
            assertThat(i).as("iterations within the time budget").isGreaterThanOrEqualTo(Math.min(iterations, 200));
            assertThat(badBodies.get()).isZero();
            assertThat(accepted).as("the mix includes deliveries that pass").isGreaterThan(0);
            assertThat(signed - accepted).as("the mix includes signed deliveries that are refused").isGreaterThan(0);
        }
    }

    private record Signature(String kind, boolean valid, List<String> headers) {
    }

    private static Signature signature(Random random, byte[] original, byte[] body) {
        String valid = sign(APP_SECRET, body);
        return switch (random.nextInt(12)) {
            case 0 -> new Signature("missing", false, List.of());
            case 1 -> new Signature("of the original body", java.util.Arrays.equals(original, body),
                    List.of(sign(APP_SECRET, original)));
            case 2 -> new Signature("other secret", false, List.of(sign("not-the-secret", body)));
            case 3 -> new Signature("one hex digit changed", false, List.of(changeOneDigit(random, valid)));
            case 4 -> new Signature("without prefix", false, List.of(valid.substring(7)));
            case 5 -> new Signature("truncated", false, List.of(valid.substring(0, 7 + random.nextInt(64))));
            case 6 -> new Signature("twice", false, List.of(valid, valid));
            case 7 -> new Signature("garbage", false, List.of("sha256=" + "g".repeat(64)));
            default -> new Signature("valid", true, List.of(valid));
        };
    }

    private static String changeOneDigit(Random random, String signature) {
        char[] c = signature.toCharArray();
        int at = 7 + random.nextInt(64);
        c[at] = c[at] == '0' ? '1' : '0';
        return new String(c);
    }

    private static byte[] oversized(byte[] body) {
        byte[] out = new byte[MAX_BODY + 1 + body.length];
        java.util.Arrays.fill(out, (byte) ' ');
        System.arraycopy(body, 0, out, 0, body.length);
        return out;
    }

    private static String preview(byte[] body) {
        String s = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
