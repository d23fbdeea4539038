package io.github.camelmessenger.metrics;

import io.github.camelmessenger.MessengerAmbiguousSendException;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.MessengerWindowClosedException;

import static io.github.camelmessenger.MessengerException.findCause;

/** What one finished send adds to the meters: its outcome, the Graph API's error code, a wait it set. */
public final class SendMeters {

    private SendMeters() {
    }

    public static void record(MessengerMeters meters, String operation, Throwable failure) {
        if (meters == MessengerMeters.NONE) {
            return;
        }
        meters.send(operation, outcome(failure));
        MessengerApiException api = failure == null ? null : findCause(failure, MessengerApiException.class);
        if (api != null && !(api instanceof MessengerAmbiguousSendException)) {
            meters.graphError(api.getCode());
        }
        if (failure == null && "waitForResponse".equals(operation)) {
            meters.waits("set");
        }
    }

    /** {@code success}, or what kind of failure: dashboards alert on these. */
    static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (findCause(failure, MessengerValidationException.class) != null) {
            return "invalid";
        }
        if (findCause(failure, MessengerWindowClosedException.class) != null) {
            return "window_closed";
        }
        if (findCause(failure, MessengerAmbiguousSendException.class) != null) {
            return "ambiguous";
        }
        if (findCause(failure, MessengerApiException.class) != null) {
            return "api_error";
        }
        return "failed";
    }
}
