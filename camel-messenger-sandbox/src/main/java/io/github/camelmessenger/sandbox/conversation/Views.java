package io.github.camelmessenger.sandbox.conversation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.SimulatedUser;

/** The JSON the API, the live stream and transcripts show of the sandbox's records. */
public final class Views {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Views() {
    }

    public static ObjectNode entry(Entry e) {
        ObjectNode n = F.objectNode().put("seq", e.seq()).put("psid", e.psid()).put("time", e.time().toString())
                .put("side", e.side().name().toLowerCase(java.util.Locale.ROOT)).put("kind", e.kind());
        if (e.mid() != null) {
            n.put("mid", e.mid());
        }
        if (e.standby()) {
            n.put("standby", true);
        }
        n.set("body", e.body());
        n.set("verdict", verdict(e.verdict()));
        return n;
    }

    public static ObjectNode verdict(Verdict v) {
        ObjectNode n = F.objectNode().put("status", v.status());
        if (v.reason() != null) {
            n.put("reason", v.reason());
        }
        if (v.httpStatus() != 0) {
            n.put("httpStatus", v.httpStatus());
        }
        if (v.detail() != null) {
            n.set(v.isAccepted() ? "response" : "error", v.detail());
        }
        return n;
    }

    public static ObjectNode record(InspectorRecord r) {
        ObjectNode n = F.objectNode().put("seq", r.seq()).put("time", r.time().toString()).put("kind", r.kind())
                .put("method", r.method()).put("path", r.path()).put("status", r.status())
                .put("verdict", r.verdict());
        if (r.psid() != null) {
            n.put("psid", r.psid());
        }
        n.set("request", r.request());
        n.set("response", r.response());
        return n;
    }

    public static ObjectNode user(SimulatedUser u) {
        return F.objectNode().put("psid", u.psid()).put("name", u.name()).put("email", u.email())
                .put("phone", u.phone());
    }

    /** A notice of the live stream: {@code {"type":type, ...}}. */
    public static ObjectNode notice(String type) {
        return F.objectNode().put("type", type);
    }
}
