package io.github.camelmessenger.sandbox.graph;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.conversation.Verdict;

/**
 * Conversation routing: {@code pass_thread_control}, {@code take_thread_control}, {@code request_thread_control},
 * {@code release_thread_control}, {@code extend_thread_control} and {@code GET thread_owner}. The bot is the Page's
 * default app: it may answer an idle thread and take control back; the other operations need it to own the thread.
 */
final class ThreadControlEdges {

    static final String PASS = "pass_thread_control";
    static final String TAKE = "take_thread_control";
    static final String REQUEST = "request_thread_control";
    static final String RELEASE = "release_thread_control";
    static final String EXTEND = "extend_thread_control";

    private final GraphWorld world;

    ThreadControlEdges(GraphWorld world) {
        this.world = world;
    }

    static boolean handles(String edge) {
        return edge.equals(PASS) || edge.equals(TAKE) || edge.equals(REQUEST) || edge.equals(RELEASE)
               || edge.equals(EXTEND);
    }

    static GraphError unknownApp(String appId) {
        return GraphError.invalidParameter(2018164, "Incorrect app ID " + appId
                                                    + ": not the Page Inbox nor a receiver of this Page");
    }

    /** The user of a thread control call, for faults and the record; or null. */
    static String psidOf(JsonNode body) {
        JsonNode id = body.path("recipient").get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    ObjectNode handle(String edge, JsonNode body, String psid) {
        Instant now = world.now();
        JsonNode recipient = Fields.object(body, "recipient", "recipient", true);
        Fields.text(recipient, "id", "recipient[id]", true);
        if (world.user(psid) == null) {
            throw new Rejection(GraphError.noMatchingUser(psid));
        }
        String metadata = Fields.maxLength(body, "metadata", "metadata", 1000, false);
        String owner = world.owners().ownerAppId(psid, now);
        boolean mine = world.appId().equals(owner);
        switch (edge) {
            case PASS -> {
                String target = Fields.text(body, "target_app_id", "target_app_id", true);
                if (!world.isKnownApp(target)) {
                    throw new Rejection(unknownApp(target));
                }
                if (owner != null && !mine) {
                    throw new Rejection(GraphError.notThreadOwner("app " + owner + " owns the thread; take it first"));
                }
                world.owners().give(psid, target, now);
                world.controlEvent(psid, target, "the bot passed control" + note(metadata));
            }
            case TAKE -> {
                if (!mine) {
                    world.owners().give(psid, world.appId(), now);
                    world.controlEvent(psid, world.appId(), "the bot took control" + note(metadata));
                }
            }
            case REQUEST -> {
                if (owner == null || mine) {
                    throw new Rejection(GraphError.notThreadOwner("nobody else owns the thread: nothing to request"));
                }
                world.controlEvent(psid, owner, "the bot asks app " + owner + " for control" + note(metadata));
            }
            case RELEASE -> {
                if (!mine) {
                    throw new Rejection(GraphError.notThreadOwner(owner == null ? "the thread is idle"
                            : "app " + owner + " owns the thread"));
                }
                world.owners().release(psid);
                world.controlEvent(psid, null, "the bot released control" + note(metadata));
            }
            default -> extend(body, psid, mine, owner, now);
        }
        ObjectNode ok = JsonNodeFactory.instance.objectNode().put("success", true);
        world.recordBot(psid, edge, body, null, Verdict.accepted(ok, null));
        return ok;
    }

    private void extend(JsonNode body, String psid, boolean mine, String owner, Instant now) {
        JsonNode d = body.get("duration");
        if (d == null || !d.canConvertToLong()) {
            throw Rejection.param("The parameter duration is required (seconds, at most 604800)");
        }
        long seconds = d.asLong();
        if (seconds <= 0 || seconds > ThreadOwners.MAX_EXTENSION.toSeconds()) {
            throw Rejection.param("Param duration must be from 1 to 604800 seconds (7 days) - got " + seconds);
        }
        if (!mine) {
            throw new Rejection(GraphError.notThreadOwner(owner == null ? "the thread is idle"
                    : "app " + owner + " owns the thread"));
        }
        world.owners().extend(psid, Duration.ofSeconds(seconds), now);
        world.controlEvent(psid, owner, "the bot extended control by " + Duration.ofSeconds(seconds));
    }

    /** {@code GET thread_owner?recipient=PSID}. */
    ObjectNode owner(String psid) {
        if (psid == null) {
            throw Rejection.param("The parameter recipient is required");
        }
        if (world.user(psid) == null) {
            throw new Rejection(GraphError.noMatchingUser(psid));
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        var data = answer.putArray("data");
        ThreadOwners.Owner o = world.owners().owner(psid, world.now());
        if (o != null) {
            data.addObject().putObject("thread_owner").put("app_id", o.appId())
                    .put("expiration", o.expiresAt().getEpochSecond());
        }
        return answer;
    }

    private static String note(String metadata) {
        return metadata == null ? "" : " (metadata: " + metadata + ")";
    }
}
