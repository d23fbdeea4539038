package io.github.camelmessenger.benchmarks.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The baseline: what a user would write without the component. A plain platform-http route that checks the
 * X-Hub-Signature-256 HMAC over the body bytes and parses the body with Jackson, then counts.
 */
final class PlainPlatformHttpRoute extends RouteBuilder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String path;
    private final String appSecret;
    private final LongAdder counter;
    private final ThreadLocal<Mac> macs;

    PlainPlatformHttpRoute(String path, String appSecret, LongAdder counter) {
        this.path = path;
        this.appSecret = appSecret;
        this.counter = counter;
        this.macs = ThreadLocal.withInitial(this::mac);
    }

    @Override
    public void configure() {
        from("platform-http:" + path + "?httpMethodRestrict=POST").process(this::handle);
    }

    private void handle(Exchange exchange) throws Exception {
        byte[] body = exchange.getIn().getBody(byte[].class);
        String signature = exchange.getIn().getHeader("X-Hub-Signature-256", String.class);
        byte[] expected = macs.get().doFinal(body);
        if (signature == null || !signature.startsWith("sha256=")
            || !MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(7)))) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 403);
            exchange.getMessage().setBody("Forbidden");
            return;
        }
        JsonNode delivery = MAPPER.readTree(body);
        for (JsonNode entry : delivery.path("entry")) {
            for (JsonNode event : entry.path("messaging")) {
                if (event.isObject()) {
                    counter.increment();
                }
            }
        }
        exchange.getMessage().setBody("EVENT_RECEIVED");
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
