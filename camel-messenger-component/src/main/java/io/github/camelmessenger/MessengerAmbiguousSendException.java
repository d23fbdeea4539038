package io.github.camelmessenger;

/**
 * A call that may or may not have reached the platform: the request was written, then the connection failed, no
 * answer came in time, or a proxy answered 502/504 without a Graph API error. The Send API has no idempotency key,
 * so sending again could deliver the message twice; the component does not, unless {@code retryAmbiguous=true}.
 * A route (and the OTN broadcast, which counts the token as spent) should treat the message as possibly delivered.
 * <p>
 * {@link #getCode()} is 0; {@link #getHttpStatus()} is the proxy's status, or 0 when no answer came.
 */
public class MessengerAmbiguousSendException extends MessengerApiException {

    public MessengerAmbiguousSendException(int httpStatus, String errorMessage, Throwable cause) {
        super(httpStatus, 0, 0, null, null, errorMessage, false, false);
        if (cause != null) {
            initCause(cause);
        }
    }

    /** Not a Graph API error: says what happened instead. */
    @Override
    public String getMessage() {
        return "Maybe sent, not retried: " + getErrorMessage();
    }
}
