package io.github.camelmessenger.sandbox.conversation;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One exchange over HTTP between the app and the sandbox, as the inspector shows it.
 *
 * @param seq      the sandbox-wide sequence number
 * @param time     the sandbox clock's time
 * @param kind     {@code graph} (a Graph API call of the app) or {@code webhook} (a delivery to the app)
 * @param psid     the simulated user it concerns, or null
 * @param method   the HTTP method
 * @param path     the path (Graph) or URL (webhook)
 * @param request  the request body as JSON (a Graph call's token is never recorded)
 * @param status   the HTTP status of the answer (0: none)
 * @param response the answer as JSON (or as a JSON string when it was not JSON)
 * @param verdict  the sandbox's verdict in words
 */
public record InspectorRecord(long seq, Instant time, String kind, String psid, String method, String path,
                              JsonNode request, int status, JsonNode response, String verdict) {
}
