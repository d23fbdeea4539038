package io.github.camelmessenger.internal.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerOperation;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.RateClass;
import io.github.camelmessenger.internal.send.Json;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;
import io.github.camelmessenger.internal.validation.SendApiValidator;

/**
 * The Page's Messenger Profile ({@code {page}/messenger_profile}): {@code setMessengerProfile} from a Map/JSON body
 * and the shorthand options ({@code getStarted}, {@code greeting}, {@code persistentMenu}, {@code iceBreakers},
 * {@code whitelistedDomains}), {@code getMessengerProfile} and {@code deleteMessengerProfile} for the fields named
 * in {@code profileFields}.
 */
public final class MessengerProfiles {

    static final List<String> FIELDS = List.of("get_started", "greeting", "persistent_menu", "ice_breakers",
            "whitelisted_domains", "account_linking_url");
    private static final int GREETING_MAX = 160;
    private static final int PAYLOAD_MAX = 1000;
    private static final int MENU_ITEMS_MAX = 20;
    private static final int ICE_BREAKERS_MAX = 4;
    private static final int DOMAINS_MAX = 50;

    private MessengerProfiles() {
    }

    public static PreparedCall call(MessengerOperation operation, OutboundExchange send) {
        String path = send.page() + "/messenger_profile";
        MessengerConfiguration options = send.settings().options;
        return switch (operation) {
            case setMessengerProfile -> new PreparedCall(send.json(path, profile(send, options), RateClass.NONE));
            case getMessengerProfile -> new PreparedCall(GraphRequest.get(path, query(options.getProfileFields(),
                    false), send.token(), send.appSecret(), send.page()));
            case deleteMessengerProfile -> {
                if (options.getProfileFields() == null || options.getProfileFields().isBlank()) {
                    throw new MessengerValidationException("profileFields",
                            "deleteMessengerProfile needs the fields to delete, e.g. get_started,greeting", null);
                }
                yield new PreparedCall(GraphRequest.delete(path, query(options.getProfileFields(), true),
                        send.token(), send.appSecret(), send.page()));
            }
            default -> throw new IllegalStateException(operation + " is not a Messenger Profile call");
        };
    }

    private static Map<String, String> query(String fields, boolean asJsonArray) {
        List<String> names = new ArrayList<>();
        for (String f : (fields == null || fields.isBlank() ? String.join(",", FIELDS) : fields).split(",")) {
            String field = f.strip();
            if (!FIELDS.contains(field)) {
                throw new MessengerValidationException("profileFields", "among " + String.join(", ", FIELDS), field);
            }
            names.add(field);
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (asJsonArray) {
            ArrayNode array = Json.NODES.arrayNode();
            names.forEach(array::add);
            query.put("fields", array.toString());
        } else {
            query.put("fields", String.join(",", names));
        }
        return query;
    }

    private static ObjectNode profile(OutboundExchange send, MessengerConfiguration o) {
        ObjectNode profile = send.body().isStructured() ? send.body().tree().deepCopy() : Json.NODES.objectNode();
        if (o.getGetStarted() != null) {
            profile.putObject("get_started").put("payload", o.getGetStarted());
        }
        if (o.getGreeting() != null) {
            profile.putArray("greeting").addObject().put("locale", "default").put("text", o.getGreeting());
        }
        if (o.getPersistentMenu() != null) {
            ObjectNode menu = profile.putArray("persistent_menu").addObject();
            menu.put("locale", "default").put("composer_input_disabled", o.isComposerInputDisabled());
            ArrayNode items = menu.putArray("call_to_actions");
            for (String[] item : pairs("persistentMenu", o.getPersistentMenu())) {
                ObjectNode action = items.addObject();
                boolean url = item[1].startsWith("https://") || item[1].startsWith("http://");
                action.put("type", url ? "web_url" : "postback").put("title", item[0]);
                action.put(url ? "url" : "payload", item[1]);
            }
        }
        if (o.getIceBreakers() != null) {
            ObjectNode breakers = profile.putArray("ice_breakers").addObject();
            ArrayNode actions = breakers.putArray("call_to_actions");
            for (String[] item : pairs("iceBreakers", o.getIceBreakers())) {
                actions.addObject().put("question", item[0]).put("payload", item[1]);
            }
            breakers.put("locale", "default");
        }
        if (o.getWhitelistedDomains() != null) {
            ArrayNode domains = profile.putArray("whitelisted_domains");
            for (String d : o.getWhitelistedDomains().split(",")) {
                if (!d.isBlank()) {
                    domains.add(d.strip());
                }
            }
        }
        if (profile.isEmpty()) {
            throw new MessengerValidationException("body",
                    "setMessengerProfile needs a profile: a Map/JSON body or options getStarted, greeting, "
                                                  + "persistentMenu, iceBreakers, whitelistedDomains",
                    null);
        }
        validate(profile);
        return profile;
    }

    /** {@code Label=value} items, comma separated; a bare label is its own value. */
    private static List<String[]> pairs(String option, String shorthand) {
        List<String[]> pairs = new ArrayList<>();
        for (String item : shorthand.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            String label = (eq < 0 ? item : item.substring(0, eq)).strip();
            String value = (eq < 0 ? label : item.substring(eq + 1)).strip();
            if (label.isEmpty() || value.isEmpty()) {
                throw new MessengerValidationException(option, "items Label=value, comma separated", item);
            }
            pairs.add(new String[] { label, value });
        }
        return pairs;
    }

    private static void validate(ObjectNode profile) {
        profile.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new MessengerValidationException(field, "a Messenger Profile field: " + String.join(", ", FIELDS),
                        field);
            }
        });
        String payload = profile.path("get_started").path("payload").asText(null);
        if (profile.has("get_started") && (payload == null || payload.isBlank() || payload.length() > PAYLOAD_MAX)) {
            throw new MessengerValidationException("get_started.payload", "1 to " + PAYLOAD_MAX + " characters",
                    payload);
        }
        int i = 0;
        for (var greeting : profile.path("greeting")) {
            String text = greeting.path("text").asText("");
            if (text.isEmpty() || text.length() > GREETING_MAX) {
                throw new MessengerValidationException("greeting[" + i + "].text", "1 to " + GREETING_MAX
                                                                                   + " characters",
                        text);
            }
            i++;
        }
        i = 0;
        for (var menu : profile.path("persistent_menu")) {
            int items = menu.path("call_to_actions").size();
            if (items > MENU_ITEMS_MAX) {
                throw new MessengerValidationException("persistent_menu[" + i + "].call_to_actions",
                        "at most " + MENU_ITEMS_MAX + " items", items);
            }
            int j = 0;
            for (var action : menu.path("call_to_actions")) {
                if (action.has("url")) {
                    SendApiValidator.httpUrl("persistent_menu[" + i + "].call_to_actions[" + j + "].url",
                            action.path("url").asText());
                }
                j++;
            }
            i++;
        }
        i = 0;
        for (var breakers : profile.path("ice_breakers")) {
            int count = breakers.path("call_to_actions").size();
            if (count > ICE_BREAKERS_MAX) {
                throw new MessengerValidationException("ice_breakers[" + i + "].call_to_actions",
                        "at most " + ICE_BREAKERS_MAX + " questions", count);
            }
            i++;
        }
        int domains = profile.path("whitelisted_domains").size();
        if (domains > DOMAINS_MAX) {
            throw new MessengerValidationException("whitelisted_domains", "at most " + DOMAINS_MAX + " domains",
                    domains);
        }
        i = 0;
        for (var domain : profile.path("whitelisted_domains")) {
            if (!domain.asText().startsWith("https://")) {
                throw new MessengerValidationException("whitelisted_domains[" + i + "]", "an https:// URL",
                        domain.asText());
            }
            i++;
        }
    }
}
