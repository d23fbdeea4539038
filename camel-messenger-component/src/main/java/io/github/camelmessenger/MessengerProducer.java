package io.github.camelmessenger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultAsyncProducer;

/** Sends exchanges to the Graph API without parking a thread per call. */
public class MessengerProducer extends DefaultAsyncProducer {

    public MessengerProducer(MessengerEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MessengerEndpoint getEndpoint() {
        return (MessengerEndpoint) super.getEndpoint();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        exchange.setException(new UnsupportedOperationException("not implemented yet"));
        callback.done(true);
        return true;
    }
}
