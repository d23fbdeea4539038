package io.github.camelmessenger.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.webhook.inbox.InboxEvent;
import io.github.camelmessenger.webhook.inbox.WebhookInbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledgement with an inbox: the delivery's events are committed to the inbox and the POST is answered at once;
 * {@link InboxWorkers} run them later. If they cannot be stored, 500 makes the platform deliver again.
 */
final class StoreThenAcknowledge implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(StoreThenAcknowledge.class);

    private final WebhookInbox inbox;
    private final String channel;
    private final ObjectMapper mapper;
    private final Runnable stored;

    /** @param stored told after each commit, so that local workers start at once */
    StoreThenAcknowledge(WebhookInbox inbox, String channel, ObjectMapper mapper, Runnable stored) {
        this.inbox = inbox;
        this.channel = channel;
        this.mapper = mapper;
        this.stored = stored;
    }

    /**
     * The event's JSON as delivered; one without a timestamp of its own (receipts may carry only a watermark) keeps
     * the entry's time in it, as the entry is not stored.
     */
    private static JsonNode stored(MessengerEvent e) {
        JsonNode raw = e.raw();
        if (raw instanceof ObjectNode o && EventMapper.millis(o.get("timestamp")) == 0 && e.timestamp() > 0) {
            ObjectNode copy = o.deepCopy();
            copy.put("timestamp", e.timestamp());
            return copy;
        }
        return raw;
    }

    @Override
    public CompletionStage<WebhookResponse> accept(List<MessengerEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(WebhookResponse.RECEIVED);
        }
        try {
            List<InboxEvent> rows = new ArrayList<>(events.size());
            for (MessengerEvent e : events) {
                rows.add(new InboxEvent(EventKeys.conversation(e), e.type().value(), e.pageId(), e.standby(),
                        mapper.writeValueAsString(stored(e))));
            }
            inbox.store(channel, rows);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Webhook {}: could not store {} event(s) in the inbox, answering 500 so that the platform "
                     + "delivers again: {}",
                    channel, events.size(), e.getMessage());
            return CompletableFuture.completedFuture(WebhookResponse.FAILED);
        }
        stored.run();
        return CompletableFuture.completedFuture(WebhookResponse.RECEIVED);
    }
}
