package io.github.camelmessenger;

/**
 * The platform refused a call because another app controls the conversation (code 2018300), or this app is not the
 * thread owner (100/2534037) or not a receiver that may do it (2018171). Take or request control, or wait for it to
 * be passed back.
 */
public class MessengerThreadControlException extends MessengerApiException {

    public MessengerThreadControlException(int httpStatus, int code, int subcode, String type, String fbtraceId,
                                           String errorMessage) {
        super(httpStatus, code, subcode, type, fbtraceId, errorMessage, false, false);
    }

    /** Whether these code and subcode mean a thread control conflict. */
    public static boolean matches(int code, int subcode) {
        return code == 2018300 || code == 2018171 || code == 100 && subcode == 2534037;
    }
}
