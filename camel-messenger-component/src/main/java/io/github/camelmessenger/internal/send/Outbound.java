package io.github.camelmessenger.internal.send;

import java.time.Clock;

import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.state.ConversationStateRepository;
import org.apache.camel.Exchange;

/**
 * What every send of one producer shares: its options, Page tokens, conversation state (the window check) and clock.
 * Each exchange gets an {@link OutboundExchange} from it.
 */
public final class Outbound {

    final MessengerConfiguration configuration;
    final PageTokens tokens;
    final ConversationStateRepository state;
    final Clock clock;
    final boolean enforceWindow;
    /** Off: the platform limits are left to the platform (validateLimits=false). */
    final boolean validateLimits;
    /** The component's private replies: one per comment, whichever endpoint sends it. */
    final PrivateReplies privateReplies;

    public Outbound(MessengerConfiguration configuration, ConversationStateRepository state, Clock clock,
                    PrivateReplies privateReplies) {
        this.configuration = configuration;
        this.tokens = new PageTokens(configuration);
        this.state = state;
        this.clock = clock;
        this.enforceWindow = !"ignore".equalsIgnoreCase(configuration.getWindowPolicy());
        this.validateLimits = configuration.isValidateLimits();
        this.privateReplies = privateReplies;
    }

    /** Starts a Graph API call for the exchange: its Page and access token are resolved here (and may fail). */
    public OutboundExchange start(Exchange exchange) {
        ExchangeSettings settings = new ExchangeSettings(exchange, configuration);
        String pageId = settings.get(MessengerConstants.PAGE_ID, configuration.getPageId());
        String token = tokens.tokenFor(pageId);
        return new OutboundExchange(this, settings, pageId != null ? pageId : "me", token);
    }

    public MessengerConfiguration configuration() {
        return configuration;
    }

    public ConversationStateRepository state() {
        return state;
    }

    public Clock clock() {
        return clock;
    }
}
