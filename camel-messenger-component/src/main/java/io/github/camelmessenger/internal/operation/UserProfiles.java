package io.github.camelmessenger.internal.operation;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerException;
import io.github.camelmessenger.MessengerProfileUnavailableException;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.GraphResponse;
import io.github.camelmessenger.internal.send.Json;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;
import io.github.camelmessenger.internal.send.RequestDefaults;
import io.github.camelmessenger.model.UserProfile;
import org.apache.camel.Message;

/**
 * {@code getUserProfile}: {@code GET /{psid}?fields=...}, the answer as headers and a {@link UserProfile} body, kept
 * per Page, user and fields for {@code userProfileCacheTtl}.
 */
public final class UserProfiles {

    static final List<String> FIELDS = List.of("first_name", "last_name", "profile_pic", "locale", "timezone",
            "gender", "name", "id");
    private static final int CACHE_LIMIT = 10_000;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock;

    private record Cached(GraphResponse answer, long until) {
    }

    public UserProfiles(Clock clock) {
        this.clock = clock;
    }

    public static PreparedCall getUserProfile(OutboundExchange send, UserProfiles profiles) {
        String psid = RequestDefaults.recipient(send.settings()).get("id").asText();
        String fields = fields(send.settings().options.getFields());
        long ttl = send.settings().options.getUserProfileCacheTtl();
        String key = send.page() + '/' + psid + '?' + fields;
        long now = profiles.clock.millis();
        Cached hit = ttl > 0 ? profiles.cache.get(key) : null;
        PreparedCall.AnswerReader reader = (message, response) -> {
            read(message, response, psid, fields);
            if (ttl > 0) {
                if (profiles.cache.size() >= CACHE_LIMIT) {
                    profiles.cache.clear();
                }
                profiles.cache.put(key, new Cached(response, profiles.clock.millis() + ttl));
            }
        };
        if (hit != null && hit.until() > now) {
            return new PreparedCall(null, null, (message, response) -> read(message, response, psid, fields),
                    hit.answer());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", fields);
        return new PreparedCall(GraphRequest.get(psid, query, send.token(), send.appSecret(), send.page()), null,
                reader, null);
    }

    private static String fields(String option) {
        StringBuilder checked = new StringBuilder();
        for (String f : (option == null ? "" : option).split(",")) {
            String field = f.strip();
            if (field.isEmpty()) {
                continue;
            }
            if (!FIELDS.contains(field)) {
                throw new MessengerValidationException("fields", "profile fields among " + String.join(", ", FIELDS),
                        field);
            }
            checked.append(checked.isEmpty() ? "" : ",").append(field);
        }
        if (checked.isEmpty()) {
            throw new MessengerValidationException("fields", "at least one profile field", option);
        }
        return checked.toString();
    }

    private static void read(Message message, GraphResponse response, String psid, String fields) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new MessengerException("The user profile answer is not JSON", e);
        }
        UserProfile profile = new UserProfile(psid, text(json, "first_name"), text(json, "last_name"),
                text(json, "profile_pic"), text(json, "locale"),
                json.hasNonNull("timezone") ? json.get("timezone").asDouble() : null, text(json, "gender"));
        if (profile.firstName() == null && profile.lastName() == null && profile.profilePic() == null
            && profile.locale() == null && profile.timezone() == null && profile.gender() == null
            && text(json, "name") == null) {
            throw new MessengerProfileUnavailableException(psid, fields);
        }
        put(message, MessengerConstants.USER_FIRST_NAME, profile.firstName());
        put(message, MessengerConstants.USER_LAST_NAME, profile.lastName());
        put(message, MessengerConstants.USER_PROFILE_PIC, profile.profilePic());
        put(message, MessengerConstants.USER_LOCALE, profile.locale());
        put(message, MessengerConstants.USER_TIMEZONE, profile.timezone());
        message.setBody(profile);
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private static void put(Message message, String header, Object value) {
        if (value == null) {
            message.removeHeader(header);
        } else {
            message.setHeader(header, value);
        }
    }
}
