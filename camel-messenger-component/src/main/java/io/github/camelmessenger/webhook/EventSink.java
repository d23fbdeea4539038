package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.concurrent.CompletionStage;

import io.github.camelmessenger.model.event.MessengerEvent;

/**
 * Where the verified events of a delivery go, and so when the delivery may be acknowledged: only once its events
 * cannot be lost.
 */
interface EventSink {

    /**
     * @param  events the delivery's events that pass the eventTypes filter, in delivery order (may be empty)
     * @return        the answer to the platform; never completes exceptionally
     */
    CompletionStage<WebhookResponse> accept(List<MessengerEvent> events);
}
