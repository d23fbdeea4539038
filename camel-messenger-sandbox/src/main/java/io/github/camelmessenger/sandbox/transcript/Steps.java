package io.github.camelmessenger.sandbox.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.SimulatedUser;
import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.conversation.Side;
import io.github.camelmessenger.sandbox.conversation.Verdict;

/** Turns conversation entries back into the actions that caused them, and bot calls into expectations. */
final class Steps {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Steps() {
    }

    /** The API event that produced a user entry. */
    static ObjectNode userEvent(SimulatedUser user, Entry e) {
        JsonNode item = e.body();
        ObjectNode event = F.objectNode().put("type", e.kind());
        switch (e.kind()) {
            case "text" -> event.put("text", item.path("message").path("text").asText());
            case "quick_reply" -> {
                String payload = item.path("message").path("quick_reply").path("payload").asText();
                if (payload.equals(user.email())) {
                    event.put("contentType", "user_email");
                } else if (payload.equals(user.phone())) {
                    event.put("contentType", "user_phone_number");
                } else {
                    event.put("payload", payload);
                }
            }
            case "postback" -> {
                JsonNode p = item.path("postback");
                if (p.hasNonNull("payload")) {
                    event.put("payload", p.get("payload").asText());
                } else {
                    event.put("title", p.path("title").asText());
                }
            }
            case "attachment" -> {
                JsonNode a = item.path("message").path("attachments").path(0);
                event.put("attachmentType", a.path("type").asText());
                if (a.path("type").asText().equals("location")) {
                    JsonNode c = a.path("payload").path("coordinates");
                    event.put("lat", c.path("lat").asDouble()).put("long", c.path("long").asDouble());
                } else {
                    event.put("url", a.path("payload").path("url").asText());
                }
            }
            default -> {
                // notify_me, delivery and read carry nothing else
            }
        }
        return event;
    }

    static ObjectNode bot(Entry e, String psid) {
        ObjectNode step = F.objectNode().put("edge", e.kind());
        step.set("request", Normalizer.request(e.body(), psid));
        step.put("verdict", verdict(e.verdict()));
        return step;
    }

    static String verdict(Verdict v) {
        if (v.isAccepted()) {
            return "accepted";
        }
        return "rejected " + v.errorCode() + (v.errorSubcode() != 0 ? "/" + v.errorSubcode() : "");
    }

    /** A clock jump, or a Page Inbox action not implied by the agent's next reply; null for the rest. */
    static JsonNode system(Entry e, Entry next) {
        if (e.kind().equals("clock")) {
            return e.body().get("advance");
        }
        if (!"inbox".equals(e.body().path("by").asText())) {
            return null;
        }
        String action = e.body().path("action").asText();
        boolean impliedByReply = action.equals("take") && next != null && next.side() == Side.AGENT;
        return impliedByReply ? null : F.objectNode().put("action", action);
    }
}
