package io.github.camelmessenger.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;

import static io.github.camelmessenger.internal.validation.Checks.array;
import static io.github.camelmessenger.internal.validation.Checks.bool;
import static io.github.camelmessenger.internal.validation.Checks.fail;
import static io.github.camelmessenger.internal.validation.Checks.has;
import static io.github.camelmessenger.internal.validation.Checks.httpUrl;
import static io.github.camelmessenger.internal.validation.Checks.httpsUrl;
import static io.github.camelmessenger.internal.validation.Checks.index;
import static io.github.camelmessenger.internal.validation.Checks.maxLength;
import static io.github.camelmessenger.internal.validation.Checks.oneOf;
import static io.github.camelmessenger.internal.validation.Checks.path;
import static io.github.camelmessenger.internal.validation.Checks.requiredString;
import static io.github.camelmessenger.internal.validation.Checks.requiredText;
import static io.github.camelmessenger.internal.validation.Checks.string;
import static io.github.camelmessenger.internal.validation.PlatformLimits.BUTTON_TITLE_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.BUTTON_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.DEFAULT_ACTION_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.PHONE_NUMBER;
import static io.github.camelmessenger.internal.validation.PlatformLimits.POSTBACK_PAYLOAD_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.TITLED_BUTTON_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.WEBVIEW_HEIGHT_RATIOS;

/** Buttons (of any template) and the {@code default_action} of generic template elements. */
final class ButtonValidator {

    private ButtonValidator() {
    }

    /** The {@code buttons} array of {@code parent}, if present, with 0..max buttons (min 1 when required). */
    static JsonNode buttons(JsonNode parent, CharSequence parentPath, int max, boolean required) {
        CharSequence path = path(parentPath, "buttons");
        JsonNode buttons = array(parent, "buttons", path, required);
        if (buttons == null) {
            return null;
        }
        if (required) {
            Checks.itemCount(path, buttons, 1, max, "buttons");
        } else {
            Checks.maxItems(path, buttons, max, "buttons");
        }
        for (int i = 0; i < buttons.size(); i++) {
            button(buttons.get(i), index(path, i));
        }
        return buttons;
    }

    static void button(JsonNode button, CharSequence path) {
        if (!button.isObject()) {
            fail(path, "must be a JSON object", button);
        }
        CharSequence typePath = path(path, "type");
        String type = requiredString(button, "type", typePath);
        oneOf(typePath, type, BUTTON_TYPES);
        if (TITLED_BUTTON_TYPES.contains(type)) {
            CharSequence titlePath = path(path, "title");
            maxLength(titlePath, requiredText(button, "title", titlePath), BUTTON_TITLE_MAX_LENGTH);
        }
        switch (type) {
            case "web_url" -> webview(button, path);
            case "postback" -> {
                CharSequence payloadPath = path(path, "payload");
                maxLength(payloadPath, requiredText(button, "payload", payloadPath), POSTBACK_PAYLOAD_MAX_LENGTH);
            }
            case "phone_number" -> {
                CharSequence payloadPath = path(path, "payload");
                String number = requiredString(button, "payload", payloadPath);
                if (!PHONE_NUMBER.matcher(number).matches()) {
                    fail(payloadPath, "must be \"+\", the country code and the number without spaces, "
                                      + "e.g. +16505551234", number);
                }
            }
            case "account_link" -> {
                CharSequence urlPath = path(path, "url");
                httpsUrl(urlPath, requiredString(button, "url", urlPath));
            }
            default -> {
                // account_unlink has only its type; game_play and audio_call are passed through unchecked
            }
        }
    }

    /** {@code default_action}: a URL button without a title. */
    static void defaultAction(JsonNode action, CharSequence path) {
        if (!action.isObject()) {
            fail(path, "must be a JSON object", action);
        }
        CharSequence typePath = path(path, "type");
        String type = requiredString(action, "type", typePath);
        oneOf(typePath, type, DEFAULT_ACTION_TYPES);
        if (has(action, "title")) {
            fail(path(path, "title"), "not allowed in a default_action (it is a URL button without a title)",
                    action.get("title"));
        }
        webview(action, path);
    }

    /** The fields shared by {@code web_url} buttons and default actions. */
    private static void webview(JsonNode node, CharSequence path) {
        CharSequence urlPath = path(path, "url");
        String url = requiredString(node, "url", urlPath);
        httpUrl(urlPath, url);
        CharSequence ratioPath = path(path, "webview_height_ratio");
        oneOf(ratioPath, string(node, "webview_height_ratio", ratioPath), WEBVIEW_HEIGHT_RATIOS);
        Boolean extensions = bool(node, "messenger_extensions", path(path, "messenger_extensions"));
        if (Boolean.TRUE.equals(extensions) && !"https".equalsIgnoreCase(Checks.parseHttpUrl(url).getScheme())) {
            fail(urlPath, "must be an https:// URL when messenger_extensions is true", url);
        }
        CharSequence fallbackPath = path(path, "fallback_url");
        String fallback = string(node, "fallback_url", fallbackPath);
        if (fallback != null) {
            if (!Boolean.TRUE.equals(extensions)) {
                fail(fallbackPath, "only allowed when messenger_extensions is true", fallback);
            }
            httpUrl(fallbackPath, fallback);
        }
    }
}
