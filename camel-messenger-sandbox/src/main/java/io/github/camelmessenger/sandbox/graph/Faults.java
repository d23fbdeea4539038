package io.github.camelmessenger.sandbox.graph;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.sandbox.BadRequestException;
import io.github.camelmessenger.sandbox.JsonFields;

/** The faults in force; each Graph call takes what matches it. Thread-safe. */
public final class Faults {

    /** What a call gets: a delay before its answer, and an error instead of it (either may be absent). */
    public record Applied(Duration latency, GraphError error) {
        public static final Applied NONE = new Applied(Duration.ZERO, null);
    }

    private final List<Fault> faults = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * Reads {@code {"code":613,"subcode":..,"message":..,"httpStatus":..,"latency":"PT2S","psid":..,"pageId":..,
     * "calls":3}}: at least a code or a latency.
     */
    public Fault add(JsonNode body) {
        JsonFields.requireObject(body, "{\"code\":2,\"calls\":1}");
        Integer code = integer(body, "code", 1, Integer.MAX_VALUE);
        Integer subcode = integer(body, "subcode", 1, Integer.MAX_VALUE);
        Integer status = integer(body, "httpStatus", 400, 599);
        Integer calls = integer(body, "calls", 1, 1_000_000);
        Duration latency = duration(body, "latency");
        if (code == null && latency == null) {
            throw new BadRequestException("code", "a fault needs an error code (e.g. 2, 613, 551) or a latency");
        }
        if (subcode != null && code == null) {
            throw new BadRequestException("subcode", "a subcode needs a code");
        }
        Fault f = new Fault(String.valueOf(ids.incrementAndGet()), code, subcode, text(body, "message"),
                status == null ? 0 : status, latency, text(body, "psid"), text(body, "pageId"), calls);
        synchronized (this) {
            faults.add(f);
        }
        return f;
    }

    /** Takes what the faults in force do to a call of this user (null: none) and Page. */
    public synchronized Applied apply(String psid, String pageId) {
        Duration latency = Duration.ZERO;
        GraphError error = null;
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (!f.matches(psid, pageId)) {
                continue;
            }
            if (f.latency() != null && f.latency().compareTo(latency) > 0) {
                latency = f.latency();
            }
            if (error == null) {
                error = f.error();
            }
            Fault next = f.spentOnce();
            if (next.remaining() != null && next.remaining() <= 0) {
                faults.remove(i--);
            } else {
                faults.set(i, next);
            }
        }
        return latency.isZero() && error == null ? Applied.NONE : new Applied(latency, error);
    }

    public synchronized List<Fault> list() {
        return List.copyOf(faults);
    }

    public synchronized boolean remove(String id) {
        return faults.removeIf(f -> f.id().equals(id));
    }

    public synchronized void clear() {
        faults.clear();
    }

    private static Integer integer(JsonNode body, String field, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < min || n.asInt() > max) {
            throw new BadRequestException(field, "expected a whole number from " + min + " to " + max + ", got " + n);
        }
        return n.asInt();
    }

    private static Duration duration(JsonNode body, String field) {
        String text = text(body, field);
        if (text == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.compareTo(Duration.ofMinutes(2)) > 0) {
                throw new BadRequestException(field, "expected a duration from PT0S to PT2M, got " + text);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "expected an ISO-8601 duration such as PT2S, got " + text);
        }
    }

    private static String text(JsonNode body, String field) {
        return JsonFields.text(body, field, false);
    }
}
