package io.github.camelmessenger.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelmessenger.model.event.MessengerEvent;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import static org.awaitility.Awaitility.await;

/** The end of a test route: remembers what each exchange carried. */
final class EventCollector implements Processor {

    record Received(Object body, Map<String, Object> headers, String thread) {
        MessengerEvent event() {
            return (MessengerEvent) body;
        }

        Object header(String name) {
            return headers.get(name);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @Override
    public void process(Exchange exchange) {
        received.add(new Received(exchange.getIn().getBody(), Map.copyOf(withoutNulls(exchange.getIn().getHeaders())),
                Thread.currentThread().getName()));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> headers) {
        Map<String, Object> m = new java.util.HashMap<>();
        headers.forEach((k, v) -> {
            if (v != null) {
                m.put(k, v);
            }
        });
        return m;
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    int count() {
        return received.size();
    }

    Received single() {
        List<Received> r = received();
        if (r.size() != 1) {
            throw new AssertionError("Expected exactly one exchange, got " + r.size());
        }
        return r.get(0);
    }

    List<Received> awaitCount(int n) {
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= n);
        return received();
    }

    void clear() {
        received.clear();
    }
}
