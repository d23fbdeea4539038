package io.github.camelmessenger.model.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a user came from: an m.me link, an ad, a plugin, a Messenger code, ...
 *
 * @param adsContextData the ad's context (ad_title, photo_url, post_id, ...) for source ADS, else empty
 */
public record Referral(String ref, String source, String type, String adId, String refererUri,
                       Map<String, Object> adsContextData)
        implements EventPayload {

    public Referral {
        adsContextData = adsContextData == null
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(adsContextData));
    }
}
