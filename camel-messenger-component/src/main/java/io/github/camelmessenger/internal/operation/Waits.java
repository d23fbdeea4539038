package io.github.camelmessenger.internal.operation;

import java.time.Duration;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.send.Durations;
import io.github.camelmessenger.internal.send.ExchangeSettings;
import io.github.camelmessenger.internal.send.RequestDefaults;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.Wait;
import org.apache.camel.Exchange;

/**
 * {@code waitForResponse}: records that the user's next input answers a step. Nothing waits: the webhook consumer resolves the wait when the
 * input arrives, or reports its expiry.
 */
public final class Waits {

    private Waits() {
    }

    public static Wait record(Exchange exchange, MessengerConfiguration configuration,
                              ConversationStateRepository repository, Clock clock) {
        ExchangeSettings settings = new ExchangeSettings(exchange, configuration);
        String step = settings.get(MessengerConstants.WAIT_STEP, configuration.getStep());
        if (step == null) {
            throw new MessengerValidationException("step",
                    "waitForResponse needs the step the answer belongs to (option step or header "
                                                           + "CamelMessengerWaitStep)",
                    null);
        }
        String pageId = settings.get(MessengerConstants.PAGE_ID, configuration.getPageId());
        if (pageId == null) {
            throw new MessengerValidationException("pageId",
                    "waitForResponse needs the Page: header CamelMessengerPageId (set by the webhook consumer) or "
                                                             + "option pageId",
                    null);
        }
        String psid = RequestDefaults.recipient(settings).get("id").asText();
        Object timeoutHeader = exchange.getMessage().getHeader(MessengerConstants.WAIT_TIMEOUT);
        Duration timeout = timeoutHeader != null
                ? Durations.parse("timeout", timeoutHeader, ChronoUnit.MILLIS)
                : Duration.ofMillis(configuration.getTimeout());
        Wait wait = Wait.of(pageId, psid, step, clock.instant(), timeout);
        repository.putWait(wait);
        return wait;
    }
}
