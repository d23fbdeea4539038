package io.github.camelmessenger.webhook;

import io.github.camelmessenger.MessengerEndpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Serves the Messenger webhook over platform-http and turns each delivered event into an exchange. */
public class MessengerWebhookConsumer extends DefaultConsumer {

    public MessengerWebhookConsumer(MessengerEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MessengerEndpoint getEndpoint() {
        return (MessengerEndpoint) super.getEndpoint();
    }
}
