package io.github.camelmessenger;

/**
 * An error answer of the Graph API, with everything the platform said about it. {@link #isRetryable()} tells whether
 * the same call may succeed later (the component has already retried it up to {@code maxRetries} times when it
 * reaches a route).
 */
public class MessengerApiException extends MessengerException {

    private final int httpStatus;
    private final int code;
    private final int subcode;
    private final String type;
    private final String fbtraceId;
    private final String errorMessage;
    private final boolean retryable;
    private final boolean rateLimited;

    public MessengerApiException(int httpStatus, int code, int subcode, String type, String fbtraceId,
                                 String errorMessage, boolean retryable, boolean rateLimited) {
        super(format(httpStatus, code, subcode, type, fbtraceId, errorMessage));
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.fbtraceId = fbtraceId;
        this.errorMessage = errorMessage;
        this.retryable = retryable;
        this.rateLimited = rateLimited;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    /** The Graph API error {@code code}, 0 when the answer carried none. */
    public int getCode() {
        return code;
    }

    /** The Graph API {@code error_subcode}, 0 when the answer carried none. */
    public int getSubcode() {
        return subcode;
    }

    public String getType() {
        return type;
    }

    /** Meta's trace id, to quote to Meta's support. */
    public String getFbtraceId() {
        return fbtraceId;
    }

    /** The platform's own error message. */
    public String getErrorMessage() {
        return errorMessage;
    }

    /** Whether the same call may succeed later (a transient failure or a rate limit). */
    public boolean isRetryable() {
        return retryable;
    }

    /** Whether the platform refused the call for a rate limit. */
    public boolean isRateLimited() {
        return rateLimited;
    }

    private static String format(int httpStatus, int code, int subcode, String type, String fbtraceId, String message) {
        StringBuilder sb = new StringBuilder("Graph API error");
        sb.append(" (HTTP ").append(httpStatus).append(", code ").append(code);
        if (subcode != 0) {
            sb.append(", subcode ").append(subcode);
        }
        if (type != null) {
            sb.append(", type ").append(type);
        }
        if (fbtraceId != null) {
            sb.append(", fbtrace_id ").append(fbtraceId);
        }
        sb.append("): ").append(message);
        return sb.toString();
    }
}
