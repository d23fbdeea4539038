package io.github.camelmessenger.sandbox.graph;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform's rules for templates and buttons (messenger-platform.md §2, §9.1). */
final class TemplateRules {

    static final List<String> TEMPLATE_TYPES = List.of("button", "generic", "media", "one_time_notif_req");
    private static final List<String> BUTTON_TYPES = List.of("web_url", "postback", "phone_number", "account_link",
            "account_unlink", "game_play", "audio_call");
    private static final List<String> TITLED = List.of("web_url", "postback", "phone_number");
    private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final List<String> FACEBOOK_HOSTS = List.of("facebook.com", "fb.com", "fb.watch");

    private TemplateRules() {
    }

    /** Checks a template payload; returns its template_type. */
    static String check(JsonNode payload, String field, Attachments attachments, String pageId,
                        java.time.Instant now) {
        String type = Fields.oneOf(payload, "template_type", field + "[template_type]", TEMPLATE_TYPES, true);
        switch (type) {
            case "button" -> {
                Fields.maxLength(payload, "text", field + "[text]", 640, true);
                buttons(payload, field + "[buttons]", 1, 3);
            }
            case "generic" -> generic(payload, field);
            case "media" -> media(payload, field, attachments, pageId, now);
            default -> {
                Fields.maxLength(payload, "title", field + "[title]", 65, true);
                Fields.maxLength(payload, "payload", field + "[payload]", 1000, true);
            }
        }
        return type;
    }

    private static void generic(JsonNode payload, String field) {
        Fields.oneOf(payload, "image_aspect_ratio", field + "[image_aspect_ratio]", List.of("horizontal", "square"),
                false);
        JsonNode elements = Fields.array(payload, "elements", field + "[elements]", 1, 10);
        for (int i = 0; i < elements.size(); i++) {
            String ef = field + "[elements][" + i + "]";
            JsonNode e = elements.get(i);
            if (!e.isObject()) {
                throw Rejection.param("Param " + ef + " must be a JSON object");
            }
            Fields.maxLength(e, "title", ef + "[title]", 80, true);
            Fields.maxLength(e, "subtitle", ef + "[subtitle]", 80, false);
            Fields.httpUrl(e, "image_url", ef + "[image_url]", false);
            JsonNode action = Fields.object(e, "default_action", ef + "[default_action]", false);
            if (action != null) {
                Fields.oneOf(action, "type", ef + "[default_action][type]", List.of("web_url"), true);
                Fields.httpUrl(action, "url", ef + "[default_action][url]", true);
                if (action.has("title")) {
                    throw Rejection.param("Param " + ef + "[default_action][title] is not allowed: a default "
                                          + "action has no title");
                }
            }
            JsonNode buttons = buttons(e, ef + "[buttons]", 0, 3);
            if (!e.hasNonNull("subtitle") && !e.hasNonNull("image_url") && action == null
                && (buttons == null || buttons.isEmpty())) {
                throw Rejection.param("Param " + ef + " must have at least one property besides title (subtitle, "
                                      + "image_url, default_action or buttons)");
            }
        }
    }

    private static void media(JsonNode payload, String field, Attachments attachments, String pageId,
                              java.time.Instant now) {
        JsonNode elements = Fields.array(payload, "elements", field + "[elements]", 1, 1);
        String ef = field + "[elements][0]";
        JsonNode e = elements.get(0);
        if (!e.isObject()) {
            throw Rejection.param("Param " + ef + " must be a JSON object");
        }
        Fields.oneOf(e, "media_type", ef + "[media_type]", List.of("image", "video"), true);
        String url = Fields.httpUrl(e, "url", ef + "[url]", false);
        String id = Fields.text(e, "attachment_id", ef + "[attachment_id]", false);
        if ((url == null) == (id == null)) {
            throw Rejection.param("Param " + ef + " must have either url or attachment_id");
        }
        if (url != null && !isFacebookUrl(url)) {
            throw Rejection.param("Param " + ef + "[url] must be a Facebook URL; upload other media first and use "
                                  + "its attachment_id - got \"" + url + "\"");
        }
        if (id != null && attachments.find(id, pageId, now) == null) {
            throw new Rejection(GraphError.invalidParameter(2018074, "Invalid attachment_id " + id
                                                                     + " (unknown, of another Page, or expired)"));
        }
        buttons(e, ef + "[buttons]", 0, 1);
    }

    static JsonNode buttons(JsonNode parent, String field, int min, int max) {
        JsonNode buttons = Fields.array(parent, "buttons", field, min, max);
        if (buttons == null) {
            return null;
        }
        for (int i = 0; i < buttons.size(); i++) {
            button(buttons.get(i), field + "[" + i + "]");
        }
        return buttons;
    }

    private static void button(JsonNode b, String field) {
        if (!b.isObject()) {
            throw Rejection.param("Param " + field + " must be a JSON object");
        }
        String type = Fields.oneOf(b, "type", field + "[type]", BUTTON_TYPES, true);
        if (TITLED.contains(type)) {
            Fields.maxLength(b, "title", field + "[title]", 20, true);
        }
        switch (type) {
            case "web_url" -> Fields.httpUrl(b, "url", field + "[url]", true);
            case "postback" -> Fields.maxLength(b, "payload", field + "[payload]", 1000, true);
            case "phone_number" -> {
                String number = Fields.text(b, "payload", field + "[payload]", true);
                if (!PHONE.matcher(number).matches()) {
                    throw Rejection.param("Param " + field + "[payload] must be a phone number such as +16505551234"
                                          + " - got \"" + number + "\"");
                }
            }
            case "account_link" -> {
                String url = Fields.text(b, "url", field + "[url]", true);
                if (!url.startsWith("https://")) {
                    throw Rejection.param("Param " + field + "[url] must be an HTTPS URL - got \"" + url + "\"");
                }
            }
            default -> {
                // account_unlink, game_play and audio_call carry nothing the sandbox shows
            }
        }
    }

    static boolean isFacebookUrl(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return FACEBOOK_HOSTS.stream().anyMatch(f -> h.equals(f) || h.endsWith("." + f));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
