package io.github.camelmessenger.webhook;

import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items of a delivery that are no event a route could handle (no sender, no recipient): each is logged once, with
 * the reason but none of its content (personal data), and counted.
 */
final class MalformedItems {

    private static final Logger LOG = LoggerFactory.getLogger(MalformedItems.class);

    private final String path;
    private final AtomicLong count = new AtomicLong();

    MalformedItems(String path) {
        this.path = path;
    }

    /** @param reason what is missing, e.g. "no sender.id or user_ref" (no content of the item) */
    void found(String kind, String pageId, String reason) {
        count.incrementAndGet();
        LOG.warn("Webhook {}: dropped a malformed {} item of Page {} ({}); the other items of the delivery go on",
                path, kind, pageId, reason);
    }

    long count() {
        return count.get();
    }
}
