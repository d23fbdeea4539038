package io.github.camelmessenger.sandbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.conversation.Side;
import io.github.camelmessenger.sandbox.conversation.Verdict;
import io.github.camelmessenger.sandbox.graph.ThreadOwners;

/**
 * A person answering in the Page Inbox, which acts as an app under conversation routing: replying there takes
 * control of the thread (the bot gets {@code take_thread_control}), the bot sees the person's messages as echoes on
 * its standby channel, and handing back passes control to the bot ({@code pass_thread_control}).
 */
final class PageInbox {

    static final List<String> ACTIONS = List.of("reply", "take", "handback");

    private final SandboxState state;
    private final WebhookDeliveries deliveries;

    PageInbox(SandboxState state, WebhookDeliveries deliveries) {
        this.state = state;
        this.deliveries = deliveries;
    }

    /** {@code {"action":"reply","text":"..."}}, {@code {"action":"take"}} or {@code {"action":"handback"}}. */
    CompletableFuture<EventOutcome> act(String psid, JsonNode body) {
        JsonFields.requireObject(body, "{\"action\":\"reply\",\"text\":\"Hi\"}");
        String action = body.path("action").isValueNode() ? body.path("action").asText() : null;
        if (action == null || !ACTIONS.contains(action)) {
            throw new BadRequestException("action", "must be one of " + ACTIONS + ", got " + body.get("action"));
        }
        String metadata = body.path("metadata").isValueNode() ? body.path("metadata").asText() : null;
        synchronized (state) {
            state.conversation(psid);
            switch (action) {
                case "reply" -> {
                    String text = body.path("text").isValueNode() ? body.path("text").asText() : "";
                    if (text.isBlank()) {
                        throw new BadRequestException("text", "is required");
                    }
                    CompletableFuture<EventOutcome> took = takeIfNeeded(psid, metadata);
                    CompletableFuture<EventOutcome> echo = echo(psid, text);
                    return took == null ? echo : took.thenCombine(echo, (a, b) -> b);
                }
                case "take" -> {
                    CompletableFuture<EventOutcome> took = takeIfNeeded(psid, metadata);
                    if (took == null) {
                        throw new BadRequestException(409, "action", "the Page Inbox already owns the thread");
                    }
                    return took;
                }
                default -> {
                    return handBack(psid, metadata);
                }
            }
        }
    }

    private CompletableFuture<EventOutcome> takeIfNeeded(String psid, String metadata) {
        String previous = state.owners().ownerAppId(psid, state.now());
        if (ThreadOwners.PAGE_INBOX_APP_ID.equals(previous)) {
            return null;
        }
        state.owners().give(psid, ThreadOwners.PAGE_INBOX_APP_ID, state.now());
        ObjectNode detail = JsonNodeFactory.instance.objectNode();
        detail.put("previous_owner_app_id", previous);
        detail.put("new_owner_app_id", ThreadOwners.PAGE_INBOX_APP_ID);
        if (metadata != null) {
            detail.put("metadata", metadata);
        }
        return deliveries.controlEvent(psid, "take_thread_control", detail, "the Page Inbox took control");
    }

    private CompletableFuture<EventOutcome> handBack(String psid, String metadata) {
        String owner = state.owners().ownerAppId(psid, state.now());
        if (!ThreadOwners.PAGE_INBOX_APP_ID.equals(owner)) {
            throw new BadRequestException(409, "action", "handback: the Page Inbox does not own the thread (owner: "
                                                         + (owner == null ? "nobody, the thread is idle" : owner) + ")");
        }
        state.owners().give(psid, state.appId(), state.now());
        ObjectNode detail = JsonNodeFactory.instance.objectNode().put("previous_owner_app_id",
                ThreadOwners.PAGE_INBOX_APP_ID).put("new_owner_app_id", state.appId());
        if (metadata != null) {
            detail.put("metadata", metadata);
        }
        return deliveries.controlEvent(psid, "pass_thread_control", detail,
                "the Page Inbox handed the conversation back to the bot");
    }

    /** The person's message; the bot gets its echo on the standby channel. */
    private CompletableFuture<EventOutcome> echo(String psid, String text) {
        String mid = Ids.mid();
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.putObject("sender").put("id", state.pageId());
        item.putObject("recipient").put("id", psid);
        item.put("timestamp", state.now().toEpochMilli());
        item.putObject("message").put("is_echo", true).put("app_id", ThreadOwners.PAGE_INBOX_APP_ID)
                .put("mid", mid).put("text", text);
        state.owners().touch(psid, state.now());
        Entry entry = state.addEntry(psid, Side.AGENT, "reply", item, mid, true, Verdict.pending());
        return deliveries.deliver(entry, item, true);
    }
}
