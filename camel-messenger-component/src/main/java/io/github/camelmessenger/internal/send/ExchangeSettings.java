package io.github.camelmessenger.internal.send;

import io.github.camelmessenger.MessengerConfiguration;
import org.apache.camel.Exchange;

/** One setting of a send: the exchange header when present, else the endpoint option. */
public final class ExchangeSettings {

    private final Exchange exchange;
    public final MessengerConfiguration options;

    public ExchangeSettings(Exchange exchange, MessengerConfiguration options) {
        this.exchange = exchange;
        this.options = options;
    }

    public String get(String header, String option) {
        Object value = exchange.getMessage().getHeader(header);
        if (value != null) {
            String s = value.toString();
            if (!s.isEmpty()) {
                return s;
            }
        }
        return option == null || option.isEmpty() ? null : option;
    }

    public boolean flag(String header, boolean option) {
        Object value = exchange.getMessage().getHeader(header);
        if (value == null) {
            return option;
        }
        return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
    }

    /** A shorthand list: the header (List or String) when present, else the comma separated option. */
    public Object list(String header, String option) {
        Object value = exchange.getMessage().getHeader(header);
        return value != null ? value : option;
    }

    public Exchange exchange() {
        return exchange;
    }
}
