package io.github.camelmessenger.sandbox.graph;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.Ids;
import io.github.camelmessenger.sandbox.SimulatedUser;
import io.github.camelmessenger.sandbox.conversation.Verdict;

/**
 * The local Graph API: authenticates a call as the platform does (Page token, appsecret_proof), applies the faults
 * in force, runs the edge, and answers the platform's JSON, recording every call for the inspector and the user's
 * conversation. Called under the sandbox's lock.
 */
public final class GraphApi {

    private static final String MESSAGES = "messages";

    private final GraphWorld world;
    private final Faults faults;
    private final MessagesEdge messages;
    private final ThreadControlEdges threadControl;
    private final UploadEdge upload;

    public GraphApi(GraphWorld world, Faults faults) {
        this.world = world;
        this.faults = faults;
        this.messages = new MessagesEdge(world);
        this.threadControl = new ThreadControlEdges(world);
        this.upload = new UploadEdge(world);
    }

    public GraphAnswer handle(GraphRequest r) {
        String[] segments = r.path().split("/");
        String node = segments[0];
        String edge = segments.length > 1 ? segments[1] : null;
        boolean pageNode = node.equals("me") || node.equals(world.pageId());
        String psid = psidOf(r, pageNode, edge);
        GraphAnswer answer;
        Duration latency = Duration.ZERO;
        try {
            authenticate(r);
            Faults.Applied fault = faults.apply(psid, world.pageId());
            latency = fault.latency();
            if (fault.error() != null) {
                throw new Rejection(fault.error());
            }
            answer = ok(route(r, pageNode, node, edge, psid), fault.latency());
        } catch (Rejection e) {
            GraphError error = e.error();
            ObjectNode json = error.toJson(Ids.fbtraceId());
            if (psid != null && world.user(psid) != null && pageNode && edge != null) {
                String kind = edge.equals(MESSAGES) ? r.body().has("sender_action") ? "sender_action" : "message"
                        : edge;
                world.recordBot(psid, kind, r.body(), null, Verdict.rejected(error.httpStatus(), json, error.why()));
            }
            answer = new GraphAnswer(error.httpStatus(), json, latency,
                    "rejected: " + error.code() + (error.subcode() != 0 ? "/" + error.subcode() : "") + " "
                                                                     + error.why());
        }
        world.recordCall(psid, r, answer);
        return answer;
    }

    private static GraphAnswer ok(JsonNode body, Duration latency) {
        return new GraphAnswer(200, body, latency, "accepted");
    }

    private JsonNode route(GraphRequest r, boolean pageNode, String node, String edge, String psid) {
        String method = r.method();
        if (pageNode && edge != null && method.equals("POST")) {
            if (edge.equals(MESSAGES)) {
                return messages.send(r, psid);
            }
            if (edge.equals("message_attachments")) {
                return upload.upload(r);
            }
            if (ThreadControlEdges.handles(edge)) {
                return threadControl.handle(edge, r.body(), psid);
            }
            if (edge.equals("personas")) {
                Fields.maxLength(r.body(), "name", "name", 1000, true);
                return JsonNodeFactory.instance.objectNode().put("id", Ids.attachmentId());
            }
            if (edge.equals("messenger_profile")) {
                return JsonNodeFactory.instance.objectNode().put("result", "success");
            }
        }
        if (pageNode && method.equals("GET")) {
            if ("thread_owner".equals(edge)) {
                return threadControl.owner(psid);
            }
            if (edge == null) {
                return JsonNodeFactory.instance.objectNode().put("name", world.pageName()).put("id", world.pageId());
            }
        }
        SimulatedUser user = edge == null && method.equals("GET") ? world.user(node) : null;
        if (user != null) {
            return profile(user);
        }
        throw new Rejection(GraphError.unsupported(method, r.path()));
    }

    private static JsonNode profile(SimulatedUser user) {
        String[] names = user.name().split(" ", 2);
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("first_name", names[0]);
        p.put("last_name", names.length > 1 ? names[1] : "");
        return p.put("id", user.psid());
    }

    private String psidOf(GraphRequest r, boolean pageNode, String edge) {
        if (!pageNode || edge == null) {
            return null;
        }
        if (edge.equals(MESSAGES)) {
            return messages.psidOf(r.body());
        }
        if (edge.equals("thread_owner")) {
            return r.query().get("recipient");
        }
        return ThreadControlEdges.handles(edge) ? ThreadControlEdges.psidOf(r.body()) : null;
    }

    private void authenticate(GraphRequest r) {
        if (r.token() == null || r.token().isEmpty()) {
            throw new Rejection(GraphError.missingToken());
        }
        if (!MessageDigest.isEqual(r.token().getBytes(StandardCharsets.UTF_8),
                world.pageAccessToken().getBytes(StandardCharsets.UTF_8))) {
            throw new Rejection(GraphError.invalidToken());
        }
        String secret = world.appSecret();
        if (r.proof() == null) {
            if (secret != null && world.requireAppSecretProof()) {
                throw new Rejection(GraphError.proofRequired());
            }
            return;
        }
        if (secret != null && !MessageDigest.isEqual(r.proof().getBytes(StandardCharsets.US_ASCII),
                proof(secret, r.token()).getBytes(StandardCharsets.US_ASCII))) {
            throw new Rejection(GraphError.invalidProof());
        }
    }

    /** hex(HMAC-SHA256(key = app secret, data = access token)). */
    static String proof(String secret, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
