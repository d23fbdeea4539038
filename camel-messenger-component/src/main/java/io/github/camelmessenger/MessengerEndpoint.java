package io.github.camelmessenger;

import io.github.camelmessenger.webhook.MessengerWebhookConsumer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Sends to the Facebook Messenger Platform ({@code messenger:sendMessage}, {@code messenger:sendGenericTemplate},
 * ...) or receives its webhook deliveries ({@code messenger:webhook}).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "messenger", title = "Facebook Messenger",
             syntax = "messenger:operation", category = { Category.CHAT, Category.CLOUD, Category.API },
             headersClass = MessengerConstants.class)
public class MessengerEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriPath(description = "The operation: a Send API call for a producer, webhook for the consumer.")
    @Metadata(required = true)
    private MessengerOperation operation;
    @UriParam
    private MessengerConfiguration configuration;
    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Continue the route on the Vert.x event loop that received the Graph API answer, instead "
                            + "of on a thread of the component's pool. Only for routes that never block after the "
                            + "send (no JDBC, file or other blocking call): a blocking step on the event loop stalls "
                            + "every other send's I/O.")
    private boolean continueOnEventLoop;

    public MessengerEndpoint(String uri, MessengerComponent component, MessengerOperation operation,
                             MessengerConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public MessengerComponent getComponent() {
        return (MessengerComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (!operation.isProducer()) {
            throw new IllegalArgumentException("messenger:" + operation + " is a consumer endpoint; use it in from()");
        }
        return new MessengerProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != MessengerOperation.webhook) {
            throw new IllegalArgumentException(
                    "messenger:" + operation + " is a producer endpoint; consume from messenger:webhook");
        }
        MessengerWebhookConsumer consumer = new MessengerWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUri();
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    public MessengerOperation getOperation() {
        return operation;
    }

    public void setOperation(MessengerOperation operation) {
        this.operation = operation;
    }

    public boolean isContinueOnEventLoop() {
        return continueOnEventLoop;
    }

    public void setContinueOnEventLoop(boolean continueOnEventLoop) {
        this.continueOnEventLoop = continueOnEventLoop;
    }

    public MessengerConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(MessengerConfiguration configuration) {
        this.configuration = configuration;
    }
}
