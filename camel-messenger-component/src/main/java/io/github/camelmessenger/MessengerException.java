package io.github.camelmessenger;

import org.apache.camel.RuntimeCamelException;

/** Base class of every error the messenger component raises. */
public class MessengerException extends RuntimeCamelException {

    public MessengerException(String message) {
        super(message);
    }

    public MessengerException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The first {@code type} in a failure's cause chain (Camel wraps what a route throws), or null: how a route, the
     * OTN broadcast or the meters tell "maybe sent" from "not sent" and a window error from an invalid message.
     */
    public static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
