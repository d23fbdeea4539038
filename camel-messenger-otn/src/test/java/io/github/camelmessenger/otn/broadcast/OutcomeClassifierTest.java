package io.github.camelmessenger.otn.broadcast;

import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerThreadControlException;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.MessengerWindowClosedException;
import io.github.camelmessenger.internal.graph.GraphErrors;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fate of a token from how its exchange ended. */
class OutcomeClassifierTest {

    private static final String TOKEN = "tok";

    private static Verdict.Outcome outcome(Throwable failure) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(failure);
        return OutcomeClassifier.classify(exchange, TOKEN).outcome();
    }

    private static MessengerApiException api(int status, int code, int subcode) {
        return GraphErrors.fromResponse(status, ("{\"error\":{\"message\":\"m\",\"code\":" + code
                                                 + (subcode != 0 ? ",\"error_subcode\":" + subcode : "") + "}}").getBytes());
    }

    @Test
    void successConsumes() {
        assertThat(outcome(null)).isEqualTo(Verdict.Outcome.CONSUME);
    }

    @Test
    void aTokenTheProducerSpentIsConsumedEvenWhenTheRouteFailedLater() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        Set<String> spent = new HashSet<>(Set.of(TOKEN));
        exchange.setProperty(MessengerConstants.ONE_TIME_NOTIF_TOKENS_SPENT, spent);
        exchange.setException(new IOException("a later step failed"));

        assertThat(OutcomeClassifier.classify(exchange, TOKEN).outcome()).isEqualTo(Verdict.Outcome.CONSUME);
    }

    @Test
    void aHandledFailureStillCounts() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, api(400, 100, 0));

        assertThat(OutcomeClassifier.classify(exchange, TOKEN).outcome()).isEqualTo(Verdict.Outcome.RETIRE);
    }

    @Test
    void transientFailuresRelease() {
        assertThat(outcome(api(500, 2, 0))).isEqualTo(Verdict.Outcome.RELEASE);
        assertThat(outcome(api(503, 0, 0))).isEqualTo(Verdict.Outcome.RELEASE);
        assertThat(outcome(api(400, 1200, 0))).isEqualTo(Verdict.Outcome.RELEASE);
        assertThat(outcome(api(400, 613, 0))).isEqualTo(Verdict.Outcome.RELEASE);
        assertThat(outcome(new IOException("connection reset"))).isEqualTo(Verdict.Outcome.RELEASE);
        assertThat(outcome(new CamelExecutionException("wrapped", null, new IOException("timeout"))))
                .isEqualTo(Verdict.Outcome.RELEASE);
        assertThat(outcome(new MessengerThreadControlException(400, 10, 2018300, "OAuthException", null, "owned")))
                .isEqualTo(Verdict.Outcome.RELEASE);
    }

    @Test
    void permanentRefusalsOfTheTokenOrUserRetire() {
        assertThat(outcome(api(400, 100, 0))).isEqualTo(Verdict.Outcome.RETIRE);
        assertThat(outcome(api(400, 10, 0))).isEqualTo(Verdict.Outcome.RETIRE);
        assertThat(outcome(api(400, 551, 1545041))).isEqualTo(Verdict.Outcome.RETIRE);
        assertThat(outcome(api(400, 200, 1545041))).isEqualTo(Verdict.Outcome.RETIRE);
        assertThat(outcome(new MessengerWindowClosedException("1", "2", Instant.EPOCH, "24 hours")))
                .isEqualTo(Verdict.Outcome.RETIRE);
        assertThat(outcome(new MessengerValidationException("message.text", "at most 2000 characters", "x")))
                .isEqualTo(Verdict.Outcome.RETIRE);
        assertThat(outcome(new CamelExecutionException("wrapped", null, api(400, 100, 0))))
                .isEqualTo(Verdict.Outcome.RETIRE);
    }

    @Test
    void refusalsOfTheSenderItselfHaltTheRun() {
        assertThat(outcome(api(400, 190, 460))).isEqualTo(Verdict.Outcome.HALT);
        assertThat(outcome(api(400, 368, 0))).isEqualTo(Verdict.Outcome.HALT);
        assertThat(outcome(api(400, 10, 1893063))).isEqualTo(Verdict.Outcome.HALT);
        assertThat(outcome(api(400, 200, 2018028))).isEqualTo(Verdict.Outcome.HALT);
        assertThat(outcome(api(400, 613, 2018338))).isEqualTo(Verdict.Outcome.HALT);
    }

    @Test
    void theReasonNamesCodeAndSubcode() {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setException(api(400, 551, 1545041));
        assertThat(OutcomeClassifier.classify(exchange, TOKEN).reason()).isEqualTo("code 551/1545041: m");
    }
}
