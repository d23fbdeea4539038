package io.github.camelmessenger;

import java.time.Instant;

/**
 * A send outside the standard messaging window: the user's last message is older than 24 hours (7 days with the
 * HUMAN_AGENT tag). Raised before any HTTP call when the component knows the user's last inbound time
 * ({@code windowPolicy=reject}), or mapped from the platform's own refusal (10/2018278), which is then the cause.
 * A one-time notification token or an allowed message tag is the way to reach the user.
 */
public class MessengerWindowClosedException extends MessengerException {

    private final String pageId;
    private final String psid;
    private final Instant lastInbound;

    public MessengerWindowClosedException(String pageId, String psid, Instant lastInbound, String window) {
        super("The messaging window with user " + psid + (pageId != null ? " of Page " + pageId : "")
              + " is closed: their last message was at " + lastInbound + ", more than " + window
              + " ago; send with a one-time notification token or an allowed message tag (HUMAN_AGENT: 7 days)");
        this.pageId = pageId;
        this.psid = psid;
        this.lastInbound = lastInbound;
    }

    public MessengerWindowClosedException(MessengerApiException platformError) {
        super("The platform refused the send outside the messaging window: " + platformError.getMessage(),
              platformError);
        this.pageId = null;
        this.psid = null;
        this.lastInbound = null;
    }

    /** Whether a Graph API error is the platform's "outside of allowed window" answer. */
    public static boolean matches(MessengerApiException e) {
        return e.getCode() == 10 && (e.getSubcode() == 2018278 || e.getSubcode() == 2534022);
    }

    public String getPageId() {
        return pageId;
    }

    public String getPsid() {
        return psid;
    }

    /** The user's last inbound message time as the component knew it; null when the platform refused. */
    public Instant getLastInbound() {
        return lastInbound;
    }

    /** The platform's error, when the platform refused the send; null when the component refused it. */
    public MessengerApiException getApiException() {
        return getCause() instanceof MessengerApiException api ? api : null;
    }
}
