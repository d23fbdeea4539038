package io.github.camelmessenger.internal.send;

import io.github.camelmessenger.MessengerConfiguration;
import org.apache.camel.Exchange;

/** One setting of a send: the exchange header when present, else the endpoint option. */
final class ExchangeSettings {

    private final Exchange exchange;
    final MessengerConfiguration options;

    ExchangeSettings(Exchange exchange, MessengerConfiguration options) {
        this.exchange = exchange;
        this.options = options;
    }

    String get(String header, String option) {
        Object value = exchange.getMessage().getHeader(header);
        if (value != null) {
            String s = value.toString();
            if (!s.isEmpty()) {
                return s;
            }
        }
        return option == null || option.isEmpty() ? null : option;
    }

    boolean flag(String header, boolean option) {
        Object value = exchange.getMessage().getHeader(header);
        if (value == null) {
            return option;
        }
        return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
    }

    /** A shorthand list: the header (List or String) when present, else the comma separated option. */
    Object list(String header, String option) {
        Object value = exchange.getMessage().getHeader(header);
        return value != null ? value : option;
    }

    Exchange exchange() {
        return exchange;
    }
}
