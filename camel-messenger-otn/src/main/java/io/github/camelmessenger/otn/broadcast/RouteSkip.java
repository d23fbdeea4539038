package io.github.camelmessenger.otn.broadcast;

import java.util.Set;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.Exchange;

/**
 * A holder the route skipped: its exchange ended without an error and without a messenger send that used the token (a
 * {@code filter()} by segment, a {@code choice()} without a branch for the holder). Only a send that used the token
 * spends it: a skipped holder keeps it for the next broadcast.
 */
final class RouteSkip {

    private RouteSkip() {
    }

    static boolean skipped(Exchange exchange, String token) {
        Object spent = exchange.getProperty(MessengerConstants.ONE_TIME_NOTIF_TOKENS_SPENT);
        if (spent instanceof Set<?> set && set.contains(token)) {
            return false;
        }
        return exchange.getException() == null && exchange.getProperty(Exchange.EXCEPTION_CAUGHT) == null;
    }
}
