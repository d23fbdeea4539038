package io.github.camelmessenger.internal.send;

import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.GraphResponse;
import org.apache.camel.Message;

/**
 * A validated Graph API call, ready to send, or an answer already at hand (from a cache).
 *
 * @param request           the call, or null when {@code answer} is given
 * @param oneTimeNotifToken the one-time notification token the call spends, or null
 * @param reader            what the operation reads from the answer beyond the usual headers, or null
 * @param answer            the answer without a call (a cached one), or null
 * @param settlement        what must learn the call's outcome (a reserved private reply), or null
 */
public record PreparedCall(GraphRequest request, String oneTimeNotifToken, AnswerReader reader, GraphResponse answer,
                           Settlement settlement) {

    /** Learns how a call ended: null when the platform accepted it, else the failure. */
    @FunctionalInterface
    public interface Settlement {
        void settled(Throwable failure);
    }

    /** Reads an operation's own results from the answer onto the message (e.g. a created persona's id). */
    @FunctionalInterface
    public interface AnswerReader {
        void read(Message message, GraphResponse response);
    }

    public PreparedCall(GraphRequest request, String oneTimeNotifToken, AnswerReader reader, GraphResponse answer) {
        this(request, oneTimeNotifToken, reader, answer, null);
    }

    public PreparedCall(GraphRequest request) {
        this(request, null, null, null, null);
    }

    public PreparedCall(GraphRequest request, String oneTimeNotifToken) {
        this(request, oneTimeNotifToken, null, null, null);
    }

    /** A call whose answer's {@code id} goes into {@code idHeader}. */
    public static PreparedCall withId(GraphRequest request, String idHeader) {
        return new PreparedCall(request, null, (message, response) -> ResponseHeaders.id(message, response, idHeader),
                null);
    }

    @Override
    public String toString() {
        return "PreparedCall[" + (request != null ? request : "answered") + (oneTimeNotifToken != null
                ? ", oneTimeNotifToken=******" : "") + "]";
    }
}
