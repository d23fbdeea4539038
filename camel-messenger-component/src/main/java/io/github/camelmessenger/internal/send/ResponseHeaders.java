package io.github.camelmessenger.internal.send;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.internal.graph.GraphResponse;
import org.apache.camel.Message;

/** Puts a Graph API answer on the exchange: the ids as headers, the response JSON as the body. */
public final class ResponseHeaders {

    private ResponseHeaders() {
    }

    /**
     * @param threadOwnerQuery whether the answer is {@code getThreadOwner}'s: its owner headers then always describe
     *                         this answer, so an idle thread (no owner) leaves none from the incoming exchange
     */
    public static void apply(Message message, GraphResponse response, boolean threadOwnerQuery) {
        apply(message, response, threadOwnerQuery, null);
    }

    /** @param reader the operation's own reading of the answer (after the usual headers), or null */
    public static void apply(Message message, GraphResponse response, boolean threadOwnerQuery,
                             PreparedCall.AnswerReader reader) {
        applyUsual(message, response, threadOwnerQuery);
        if (reader != null) {
            reader.read(message, response);
        }
    }

    /** The answer's top-level {@code id} into a header. */
    static void id(Message message, GraphResponse response, String header) {
        try {
            setIfPresent(message, header, Json.MAPPER.readTree(response.body()).path("id").asText(null));
        } catch (java.io.IOException e) {
            throw new io.github.camelmessenger.MessengerException("The Graph API answer has no readable id", e);
        }
    }

    private static void applyUsual(Message message, GraphResponse response, boolean threadOwnerQuery) {
        message.setBody(response.bodyAsString());
        setIfPresent(message, MessengerConstants.MESSAGE_ID, response.messageId());
        setIfPresent(message, MessengerConstants.ATTACHMENT_ID, response.attachmentId());
        setIfPresent(message, MessengerConstants.RESPONSE_RECIPIENT_ID, response.recipientId());
        if (threadOwnerQuery) {
            message.removeHeader(MessengerConstants.THREAD_OWNER_APP_ID);
            message.removeHeader(MessengerConstants.THREAD_CONTROL_EXPIRATION);
        }
        setIfPresent(message, MessengerConstants.THREAD_OWNER_APP_ID, response.threadOwnerAppId());
        Long expiration = response.threadControlExpiration();
        if (expiration != null) {
            message.setHeader(MessengerConstants.THREAD_CONTROL_EXPIRATION, expiration);
        }
    }

    private static void setIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
