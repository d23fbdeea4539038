package io.github.camelmessenger.model.event;

/** The user read every message the Page sent at or before {@code watermark}. */
public record ReadReceipt(long watermark) implements EventPayload {
}
