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
}
