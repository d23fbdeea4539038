package io.github.camelmessenger.model.event;

import java.util.List;

/** Messages the Page sent were delivered: every message sent before {@code watermark}; {@code mids} may be empty. */
public record DeliveryReceipt(List<String> mids, long watermark) implements EventPayload {

    public DeliveryReceipt {
        mids = mids == null ? List.of() : List.copyOf(mids);
    }
}
