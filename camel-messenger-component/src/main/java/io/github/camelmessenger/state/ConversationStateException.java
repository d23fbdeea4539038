package io.github.camelmessenger.state;

import io.github.camelmessenger.MessengerException;

/** The conversation state store failed, e.g. the database could not be reached or its schema is missing. */
public class ConversationStateException extends MessengerException {

    public ConversationStateException(String message) {
        super(message);
    }

    public ConversationStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
