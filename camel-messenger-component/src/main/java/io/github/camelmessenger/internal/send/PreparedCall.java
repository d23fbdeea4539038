package io.github.camelmessenger.internal.send;

import io.github.camelmessenger.internal.graph.GraphRequest;

/**
 * A validated Graph API call, ready to send.
 *
 * @param request           the call
 * @param oneTimeNotifToken the one-time notification token the call spends, or null
 */
public record PreparedCall(GraphRequest request, String oneTimeNotifToken) {

    public PreparedCall(GraphRequest request) {
        this(request, null);
    }

    @Override
    public String toString() {
        return "PreparedCall[" + request + (oneTimeNotifToken != null ? ", oneTimeNotifToken=******" : "") + "]";
    }
}
