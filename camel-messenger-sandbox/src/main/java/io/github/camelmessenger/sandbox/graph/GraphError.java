package io.github.camelmessenger.sandbox.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Graph API error as the platform answers it:
 * {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}} with an HTTP status, plus the sandbox's
 * explanation for the inspector.
 */
public record GraphError(int httpStatus, int code, int subcode, String type, String message, String why) {

    public static final String OAUTH = "OAuthException";
    public static final String GRAPH_METHOD = "GraphMethodException";

    /** The error JSON with a fresh fbtrace_id. */
    public ObjectNode toJson(String fbtraceId) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (subcode != 0) {
            error.put("error_subcode", subcode);
        }
        error.put("fbtrace_id", fbtraceId);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("error", error);
        return root;
    }

    /** (#100) invalid parameter, naming the field the way the Graph API does ({@code message[text]}). */
    public static GraphError invalidParameter(String message) {
        return new GraphError(400, 100, 0, OAUTH, "(#100) " + message, message);
    }

    public static GraphError invalidParameter(int subcode, String message) {
        return new GraphError(400, 100, subcode, OAUTH, "(#100) " + message, message);
    }

    public static GraphError windowClosed(String why) {
        return new GraphError(400, 10, 2018278, OAUTH,
                "(#10) This message is sent outside of allowed window. Learn more about the new policy here: "
                                                       + "https://developers.facebook.com/docs/messenger-platform/policy-overview",
                why);
    }

    public static GraphError noMatchingUser(String psid) {
        return new GraphError(400, 100, 2018001, OAUTH, "(#100) No matching user found",
                "no simulated user has the PSID " + psid);
    }

    public static GraphError anotherAppControls(String owner) {
        return new GraphError(400, 2018300, 0, OAUTH, "(#2018300) Another app is controlling this thread now",
                "the thread is owned by app " + owner + "; take or request control first");
    }

    public static GraphError notThreadOwner(String why) {
        return new GraphError(400, 100, 2534037, OAUTH, "(#100) The app is not the thread owner", why);
    }

    public static GraphError unsupported(String method, String path) {
        return new GraphError(400, 100, 33, GRAPH_METHOD,
                "Unsupported " + method.toLowerCase(java.util.Locale.ROOT) + " request. Object with ID '" + path
                                                              + "' does not exist, cannot be loaded due to missing "
                                                              + "permissions, or does not support this operation.",
                "the sandbox does not simulate " + method + " " + path);
    }

    public static GraphError missingToken() {
        return new GraphError(400, 104, 0, OAUTH, "An access token is required to request this resource.",
                "no Authorization: Bearer header and no access_token parameter");
    }

    public static GraphError invalidToken() {
        return new GraphError(400, 190, 0, OAUTH, "Invalid OAuth access token - Cannot parse access token",
                "the access token is not the token of a sandbox Page");
    }

    public static GraphError invalidProof() {
        return new GraphError(400, 100, 0, GRAPH_METHOD, "Invalid appsecret_proof provided in the API argument",
                "appsecret_proof is not HMAC-SHA256(app secret, access token)");
    }

    public static GraphError proofRequired() {
        return new GraphError(400, 100, 0, GRAPH_METHOD, "API calls from the server require an appsecret_proof argument",
                "the sandbox app requires appsecret_proof (Require App Secret)");
    }
}
