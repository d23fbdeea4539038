package io.github.camelmessenger.otn.broadcast;

import java.util.Set;

import io.github.camelmessenger.MessengerAmbiguousSendException;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerThreadControlException;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.MessengerWindowClosedException;
import org.apache.camel.Exchange;

/**
 * Decides the fate of a token from its finished broadcast exchange.
 * <ol>
 * <li>The messenger producer accepted a send with the token (it marks the exchange): consumed, whatever happened
 *     afterwards in the route — a used token must never be sent again.</li>
 * <li>No error, nor a handled one: consumed (the route did its one message for this token, by whatever means).</li>
 * <li>A send that may have reached the platform ({@link MessengerAmbiguousSendException}: written, then no answer):
 *     consumed — the user may have the message, and a token must never be sent twice.</li>
 * <li>A Graph API error worth retrying ({@link MessengerApiException#isRetryable()}; the producer has already
 *     retried it) and any other failure (connection, timeout, a bug in the route): released for a later poll.</li>
 * <li>A Graph API error about the sender rather than the token — invalid Page access token (190), Page restricted
 *     (10/1893063) or blocked for policy (368), app permissions not granted (200/2018021, 2018027, 2018028),
 *     tag-abuse warning (613/2018338): released and the run ends, so a setup mistake does not retire every token.</li>
 * <li>Another thread owner (2018300): released; the token is still good once the thread is back.</li>
 * <li>Any other Graph API error (token used, expired or invalid: 100, 10; user unavailable: 551, 200/1545041, ...),
 *     the window error and invalid input ({@link MessengerValidationException}): retired — the same send would fail
 *     the same way.</li>
 * </ol>
 */
final class OutcomeClassifier {

    private static final Set<Integer> SENDER_SUBCODES_200 = Set.of(2018021, 2018027, 2018028);

    private OutcomeClassifier() {
    }

    static Verdict classify(Exchange exchange, String token) {
        if (spent(exchange, token)) {
            return Verdict.SENT;
        }
        Throwable failure = exchange.getException();
        if (failure == null) {
            failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        }
        if (failure == null) {
            return Verdict.SENT;
        }
        MessengerAmbiguousSendException maybeSent = find(failure, MessengerAmbiguousSendException.class);
        if (maybeSent != null) {
            return new Verdict(Verdict.Outcome.CONSUME, "maybe sent: " + maybeSent.getMessage());
        }
        MessengerWindowClosedException window = find(failure, MessengerWindowClosedException.class);
        if (window != null) {
            return new Verdict(Verdict.Outcome.RETIRE, "window closed: " + window.getMessage());
        }
        MessengerApiException api = find(failure, MessengerApiException.class);
        if (api != null) {
            return classify(api);
        }
        MessengerValidationException invalid = find(failure, MessengerValidationException.class);
        if (invalid != null) {
            return new Verdict(Verdict.Outcome.RETIRE, "invalid message: " + invalid.getMessage());
        }
        return new Verdict(Verdict.Outcome.RELEASE, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    static Verdict classify(MessengerApiException api) {
        String reason = "code " + api.getCode() + (api.getSubcode() != 0 ? "/" + api.getSubcode() : "") + ": "
                        + api.getErrorMessage();
        if (api.isRetryable()) {
            return new Verdict(Verdict.Outcome.RELEASE, reason);
        }
        if (isSenderProblem(api)) {
            return new Verdict(Verdict.Outcome.HALT, reason);
        }
        if (api instanceof MessengerThreadControlException) {
            return new Verdict(Verdict.Outcome.RELEASE, reason);
        }
        return new Verdict(Verdict.Outcome.RETIRE, reason);
    }

    private static boolean isSenderProblem(MessengerApiException api) {
        int code = api.getCode();
        int subcode = api.getSubcode();
        return code == 190 || code == 368
               || code == 10 && subcode == 1893063
               || code == 200 && SENDER_SUBCODES_200.contains(subcode)
               || code == 613 && subcode == 2018338;
    }

    private static boolean spent(Exchange exchange, String token) {
        Object spent = exchange.getProperty(MessengerConstants.ONE_TIME_NOTIF_TOKENS_SPENT);
        return spent instanceof Set<?> set && set.contains(token);
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
