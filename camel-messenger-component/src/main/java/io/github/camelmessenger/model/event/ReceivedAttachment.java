package io.github.camelmessenger.model.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An attachment of a received message.
 *
 * @param type    image, audio, video, file, sticker, fallback, reel, template, ... as the platform sent it
 * @param url     {@code payload.url}, or null (e.g. templates, some fallbacks)
 * @param payload every field of {@code payload} (url, sticker_id, title, coordinates, ...), never null
 */
public record ReceivedAttachment(String type, String url, Map<String, Object> payload) {

    public ReceivedAttachment {
        payload = payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }
}
