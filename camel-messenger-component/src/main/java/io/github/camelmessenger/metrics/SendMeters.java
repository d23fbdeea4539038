package io.github.camelmessenger.metrics;

import io.github.camelmessenger.MessengerAmbiguousSendException;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.MessengerWindowClosedException;

/** What one finished send adds to the meters: its outcome, the Graph API's error code, a wait it set. */
public final class SendMeters {

    private SendMeters() {
    }

    public static void record(MessengerMeters meters, String operation, Throwable failure) {
        if (meters == MessengerMeters.NONE) {
            return;
        }
        meters.send(operation, outcome(failure));
        MessengerApiException api = failure == null ? null : find(failure, MessengerApiException.class);
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
        if (find(failure, MessengerValidationException.class) != null) {
            return "invalid";
        }
        if (find(failure, MessengerWindowClosedException.class) != null) {
            return "window_closed";
        }
        if (find(failure, MessengerAmbiguousSendException.class) != null) {
            return "ambiguous";
        }
        if (find(failure, MessengerApiException.class) != null) {
            return "api_error";
        }
        return "failed";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
