package io.github.camelmessenger.webhook;

/** A delivery the webhook refuses with 400; the message is the short reason sent back. */
final class MalformedDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedDeliveryException(String reason) {
        super(reason, null, false, false);
    }
}
