package io.github.camelmessenger.sandbox;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.conversation.InspectorRecord;
import io.github.camelmessenger.sandbox.conversation.Side;
import io.github.camelmessenger.sandbox.conversation.Verdict;
import io.github.camelmessenger.sandbox.users.WebhookSender;

/**
 * Wraps events in the platform's envelope ({@code {"object":"page","entry":[...]}}, on the {@code messaging} or the
 * {@code standby} channel), delivers them signed, and records the app's answer on the entry and in the inspector.
 */
final class WebhookDeliveries {

    /** Written the way the platform writes: non-ASCII characters escaped ({@code \u00e4}), signed as written. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final SandboxState state;
    private final WebhookSender sender;

    WebhookDeliveries(SandboxState state, WebhookSender sender) {
        this.state = state;
        this.sender = sender;
    }

    /** Delivers one event of the entry, which was recorded as pending; completes with its final verdict. */
    CompletableFuture<EventOutcome> deliver(Entry entry, ObjectNode item, boolean standby) {
        ObjectNode envelope = envelope(item, standby, state.now());
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return sender.deliver(entry.psid(), body).thenApply(d -> {
            Verdict verdict = d.ok() ? new Verdict(Verdict.DELIVERED, "the webhook answered " + d.status(), d.status(),
                    null) : new Verdict(Verdict.FAILED, failure(d), d.status(), null);
            Entry updated = entry.withVerdict(verdict);
            state.updateEntry(entry, verdict);
            state.recordInspector(new InspectorRecord(state.nextSeq(), state.now(), "webhook", entry.psid(), "POST",
                    d.url() == null ? "(no webhook)" : d.url().toString(), envelope, d.status(),
                    d.body() == null ? null : parse(d.body()), verdict.reason()));
            return new EventOutcome(updated, d);
        });
    }

    /** A thread control event for the app (on its messaging channel), recorded as a system entry. */
    CompletableFuture<EventOutcome> controlEvent(String psid, String field, ObjectNode detail, String why) {
        ObjectNode item = item(psid, state.now());
        item.set(field, detail);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("why", why).put("by", "inbox");
        body.put("owner", state.owners().ownerAppId(psid, state.now()));
        body.put("action", field.equals("pass_thread_control") ? "handback" : "take");
        body.set("event", item);
        Entry entry = state.addEntry(psid, Side.SYSTEM, "owner", body, null, false, Verdict.pending());
        return deliver(entry, item, false);
    }

    /** The messaging item of an event from the user to the Page. */
    ObjectNode item(String psid, Instant now) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.putObject("sender").put("id", psid);
        item.putObject("recipient").put("id", state.pageId());
        item.put("timestamp", now.toEpochMilli());
        return item;
    }

    private ObjectNode envelope(ObjectNode item, boolean standby, Instant now) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("object", "page");
        ObjectNode entry = root.putArray("entry").addObject().put("id", state.pageId()).put("time", now.toEpochMilli());
        entry.putArray(standby ? "standby" : "messaging").add(item);
        return root;
    }

    private static String failure(WebhookSender.Delivery d) {
        if (d.status() == 0) {
            return "the webhook could not be reached: " + d.error();
        }
        String body = d.body() == null ? "" : d.body().strip();
        return "the webhook answered " + d.status() + (body.isEmpty() ? "" : ": " + abbreviate(body));
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(abbreviate(body));
        }
    }

    static URI uri(String url) {
        return url == null ? null : URI.create(url);
    }
}
