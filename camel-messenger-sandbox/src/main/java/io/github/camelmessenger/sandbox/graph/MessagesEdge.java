package io.github.camelmessenger.sandbox.graph;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.Ids;
import io.github.camelmessenger.sandbox.conversation.Verdict;

/**
 * {@code POST /{page}/messages}: a message or sender action to a user (by PSID or one-time notification token),
 * checked as the platform checks it, then recorded in the user's conversation.
 */
final class MessagesEdge {

    private static final Duration STANDARD_WINDOW = Duration.ofHours(24);
    private static final Duration TAGGED_WINDOW = Duration.ofDays(7);

    private final GraphWorld world;

    MessagesEdge(GraphWorld world) {
        this.world = world;
    }

    /** The user a request is for (by PSID, or the holder of its token), for faults and the record; or null. */
    String psidOf(JsonNode body) {
        JsonNode recipient = body.path("recipient");
        if (recipient.hasNonNull("id")) {
            return recipient.get("id").asText();
        }
        if (recipient.hasNonNull("one_time_notif_token")) {
            OtnTokens.Token t = world.tokens().peek(recipient.get("one_time_notif_token").asText());
            return t == null ? null : t.psid();
        }
        return null;
    }

    ObjectNode send(GraphRequest r, String psid) {
        JsonNode body = r.body();
        Instant now = world.now();
        SendRules.Shape shape = SendRules.check(body, r.file() != null, world.attachments(), world.pageId(), now);
        if (shape.recipientKind().equals("id")) {
            if (world.user(psid) == null) {
                throw new Rejection(GraphError.noMatchingUser(psid));
            }
            checkWindow(psid, shape.tag(), now);
        } else if (psid == null) {
            throw new Rejection(GraphError.invalidParameter("Invalid one_time_notif_token"));
        } else if (shape.senderAction() != null) {
            throw Rejection.param("A sender_action cannot be sent to a one_time_notif_token");
        }
        checkOwner(psid, now);
        JsonNode tc = body.path("thread_control");
        if (tc.hasNonNull("app_id") && !world.isKnownApp(tc.get("app_id").asText())) {
            throw new Rejection(ThreadControlEdges.unknownApp(tc.get("app_id").asText()));
        }
        if (shape.recipientKind().equals("one_time_notif_token")) {
            Object spent = world.tokens().spend(shape.recipient(), world.pageId(), now);
            if (spent instanceof GraphError e) {
                throw new Rejection(e);
            }
        }
        world.owners().touch(psid, now);
        ObjectNode response = JsonNodeFactory.instance.objectNode().put("recipient_id", psid);
        if (shape.senderAction() != null) {
            world.recordBot(psid, "sender_action", body, null, Verdict.accepted(response, null));
            if (shape.senderAction().startsWith("typing_")) {
                world.typing(psid, shape.senderAction().equals("typing_on"));
            }
            return response;
        }
        String mid = Ids.mid();
        response.put("message_id", mid);
        JsonNode recorded = saveFile(r, body, shape, response, now);
        world.typing(psid, false);
        world.recordBot(psid, "message", recorded, mid,
                Verdict.accepted(response, shape.notes().isEmpty() ? null : String.join("; ", shape.notes())));
        threadControlAfter(body, psid, now);
        return response;
    }

    /**
     * Saves an attachment sent by URL with is_reusable, or uploaded with the request; the recorded request then
     * points at the sandbox's copy so the page can show it.
     */
    private JsonNode saveFile(GraphRequest r, JsonNode body, SendRules.Shape shape, ObjectNode response,
                              Instant now) {
        JsonNode attachment = body.path("message").path("attachment");
        if (!attachment.isObject() || !SendRules.isMedia(attachment.path("type").asText())) {
            return body;
        }
        String type = attachment.path("type").asText();
        if (r.file() != null) {
            UploadEdge.checkFile(r.file(), type, "filedata");
            Attachments.Saved saved = world.attachments().save(world.pageId(), type, null, r.file().contentType(),
                    r.file().data(), shape.reusable(), now);
            if (shape.reusable()) {
                response.put("attachment_id", saved.id());
            }
            ObjectNode copy = body.deepCopy();
            ((ObjectNode) copy.path("message").path("attachment").path("payload"))
                    .put("sandbox_media", "/sandbox/media/" + saved.id());
            return copy;
        }
        if (shape.reusable()) {
            String url = attachment.path("payload").path("url").asText();
            response.put("attachment_id",
                    world.attachments().save(world.pageId(), type, url, null, null, true, now).id());
        }
        return body;
    }

    private void checkWindow(String psid, String tag, Instant now) {
        Instant last = world.lastInbound(psid);
        Duration window = tag != null ? TAGGED_WINDOW : STANDARD_WINDOW;
        if (last == null) {
            throw new Rejection(GraphError.windowClosed("the user has never written to the Page"));
        }
        if (!last.plus(window).isAfter(now)) {
            throw new Rejection(GraphError.windowClosed("the user last wrote at " + last + "; the "
                                                        + (tag != null ? "7-day window of tag " + tag : "24-hour window")
                                                        + " closed at " + last.plus(window)));
        }
    }

    private void checkOwner(String psid, Instant now) {
        String owner = world.owners().ownerAppId(psid, now);
        if (owner != null && !owner.equals(world.appId())) {
            throw new Rejection(GraphError.anotherAppControls(owner));
        }
    }

    private void threadControlAfter(JsonNode body, String psid, Instant now) {
        JsonNode tc = body.path("thread_control");
        if (!tc.isObject()) {
            return;
        }
        if ("release".equals(tc.path("control_type").asText())) {
            world.owners().release(psid);
            world.controlEvent(psid, null, "the bot released control with its message");
            return;
        }
        String target = tc.hasNonNull("app_id") ? tc.get("app_id").asText() : ThreadOwners.PAGE_INBOX_APP_ID;
        world.owners().give(psid, target, now);
        world.controlEvent(psid, target, "the bot passed control with its message");
    }
}
