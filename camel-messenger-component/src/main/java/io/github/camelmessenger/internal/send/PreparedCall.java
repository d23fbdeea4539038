package io.github.camelmessenger.internal.send;

import io.github.camelmessenger.internal.graph.GraphRequest;

/**
 * A validated Graph API call, ready to send.
 *
 * @param request           the call
 * @param oneTimeNotifToken the one-time notification token the call spends, or null
 * @param idHeader          the header that gets the answer's {@code id} (e.g. a created persona's), or null
 */
public record PreparedCall(GraphRequest request, String oneTimeNotifToken, String idHeader) {

    public PreparedCall(GraphRequest request) {
        this(request, null, null);
    }

    public PreparedCall(GraphRequest request, String oneTimeNotifToken) {
        this(request, oneTimeNotifToken, null);
    }

    /** A call whose answer's {@code id} goes into {@code idHeader}. */
    public static PreparedCall withId(GraphRequest request, String idHeader) {
        return new PreparedCall(request, null, idHeader);
    }

    @Override
    public String toString() {
        return "PreparedCall[" + request + (oneTimeNotifToken != null ? ", oneTimeNotifToken=******" : "") + "]";
    }
}
