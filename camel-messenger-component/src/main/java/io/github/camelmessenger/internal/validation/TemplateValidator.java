package io.github.camelmessenger.internal.validation;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import static io.github.camelmessenger.internal.validation.Checks.array;
import static io.github.camelmessenger.internal.validation.Checks.exactlyOne;
import static io.github.camelmessenger.internal.validation.Checks.fail;
import static io.github.camelmessenger.internal.validation.Checks.get;
import static io.github.camelmessenger.internal.validation.Checks.httpUrl;
import static io.github.camelmessenger.internal.validation.Checks.index;
import static io.github.camelmessenger.internal.validation.Checks.itemCount;
import static io.github.camelmessenger.internal.validation.Checks.maxLength;
import static io.github.camelmessenger.internal.validation.Checks.oneOf;
import static io.github.camelmessenger.internal.validation.Checks.path;
import static io.github.camelmessenger.internal.validation.Checks.requiredString;
import static io.github.camelmessenger.internal.validation.Checks.requiredText;
import static io.github.camelmessenger.internal.validation.Checks.string;
import static io.github.camelmessenger.internal.validation.PlatformLimits.BUTTON_TEMPLATE_BUTTONS_MAX;
import static io.github.camelmessenger.internal.validation.PlatformLimits.BUTTON_TEMPLATE_TEXT_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.FACEBOOK_HOSTS;
import static io.github.camelmessenger.internal.validation.PlatformLimits.GENERIC_BUTTONS_MAX;
import static io.github.camelmessenger.internal.validation.PlatformLimits.GENERIC_ELEMENTS_MAX;
import static io.github.camelmessenger.internal.validation.PlatformLimits.GENERIC_SUBTITLE_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.GENERIC_TITLE_MAX_LENGTH;
import static io.github.camelmessenger.internal.validation.PlatformLimits.IMAGE_ASPECT_RATIOS;
import static io.github.camelmessenger.internal.validation.PlatformLimits.MEDIA_BUTTONS_MAX;
import static io.github.camelmessenger.internal.validation.PlatformLimits.MEDIA_ELEMENTS;
import static io.github.camelmessenger.internal.validation.PlatformLimits.MEDIA_TYPES;
import static io.github.camelmessenger.internal.validation.PlatformLimits.ONE_TIME_NOTIF_TITLE_MAX_LENGTH;

/**
 * The payload of a {@code template} attachment. Known template types are checked fully; other types (receipt,
 * product, customer_feedback, …) are passed through, as the platform has more templates than this component models.
 */
final class TemplateValidator {

    private static final List<String> MEDIA_SOURCES = List.of("attachment_id", "url");

    private TemplateValidator() {
    }

    static void template(JsonNode payload, CharSequence path) {
        CharSequence typePath = path(path, "template_type");
        String type = requiredString(payload, "template_type", typePath);
        switch (type) {
            case PlatformLimits.TEMPLATE_BUTTON -> buttonTemplate(payload, path);
            case PlatformLimits.TEMPLATE_GENERIC -> genericTemplate(payload, path);
            case PlatformLimits.TEMPLATE_MEDIA -> mediaTemplate(payload, path);
            case PlatformLimits.TEMPLATE_ONE_TIME_NOTIF_REQ -> oneTimeNotifRequest(payload, path);
            default -> {
                // another template the platform offers: its rules are the platform's to enforce
            }
        }
    }

    private static void buttonTemplate(JsonNode payload, CharSequence path) {
        CharSequence textPath = path(path, "text");
        maxLength(textPath, requiredText(payload, "text", textPath), BUTTON_TEMPLATE_TEXT_MAX_LENGTH);
        ButtonValidator.buttons(payload, path, BUTTON_TEMPLATE_BUTTONS_MAX, true);
    }

    private static void genericTemplate(JsonNode payload, CharSequence path) {
        CharSequence ratioPath = path(path, "image_aspect_ratio");
        oneOf(ratioPath, string(payload, "image_aspect_ratio", ratioPath), IMAGE_ASPECT_RATIOS);
        CharSequence elementsPath = path(path, "elements");
        JsonNode elements = array(payload, "elements", elementsPath, true);
        itemCount(elementsPath, elements, 1, GENERIC_ELEMENTS_MAX, "elements");
        for (int i = 0; i < elements.size(); i++) {
            genericElement(elements.get(i), index(elementsPath, i));
        }
    }

    private static void genericElement(JsonNode element, CharSequence path) {
        if (!element.isObject()) {
            fail(path, "must be a JSON object", element);
        }
        CharSequence titlePath = path(path, "title");
        maxLength(titlePath, requiredText(element, "title", titlePath), GENERIC_TITLE_MAX_LENGTH);
        CharSequence subtitlePath = path(path, "subtitle");
        String subtitle = string(element, "subtitle", subtitlePath);
        maxLength(subtitlePath, subtitle, GENERIC_SUBTITLE_MAX_LENGTH);
        CharSequence imagePath = path(path, "image_url");
        String imageUrl = string(element, "image_url", imagePath);
        httpUrl(imagePath, imageUrl);
        JsonNode defaultAction = get(element, "default_action");
        if (defaultAction != null) {
            ButtonValidator.defaultAction(defaultAction, path(path, "default_action"));
        }
        JsonNode buttons = ButtonValidator.buttons(element, path, GENERIC_BUTTONS_MAX, false);
        boolean hasMore = (subtitle != null && !subtitle.isEmpty()) || imageUrl != null || defaultAction != null
                          || (buttons != null && !buttons.isEmpty());
        if (!hasMore) {
            fail(path, "needs at least one of subtitle, image_url, default_action or buttons besides the title",
                    element);
        }
    }

    private static void mediaTemplate(JsonNode payload, CharSequence path) {
        CharSequence elementsPath = path(path, "elements");
        JsonNode elements = array(payload, "elements", elementsPath, true);
        itemCount(elementsPath, elements, MEDIA_ELEMENTS, MEDIA_ELEMENTS, "element");
        CharSequence elementPath = index(elementsPath, 0);
        JsonNode element = elements.get(0);
        if (!element.isObject()) {
            fail(elementPath, "must be a JSON object", element);
        }
        CharSequence typePath = path(elementPath, "media_type");
        oneOf(typePath, requiredString(element, "media_type", typePath), MEDIA_TYPES);
        String source = exactlyOne(element, elementPath, MEDIA_SOURCES);
        if (source.equals("url")) {
            CharSequence urlPath = path(elementPath, "url");
            String url = requiredString(element, "url", urlPath);
            if (!isFacebookUrl(url)) {
                fail(urlPath, "must be a Facebook URL (https://www.facebook.com/…); upload media hosted elsewhere "
                              + "with uploadAttachment first and use its attachment_id",
                        url);
            }
        } else {
            requiredText(element, "attachment_id", path(elementPath, "attachment_id"));
        }
        ButtonValidator.buttons(element, elementPath, MEDIA_BUTTONS_MAX, false);
    }

    private static void oneTimeNotifRequest(JsonNode payload, CharSequence path) {
        CharSequence titlePath = path(path, "title");
        maxLength(titlePath, requiredText(payload, "title", titlePath), ONE_TIME_NOTIF_TITLE_MAX_LENGTH);
        requiredText(payload, "payload", path(path, "payload"));
    }

    static boolean isFacebookUrl(String url) {
        URI uri = Checks.parseHttpUrl(url);
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme())) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String allowed : FACEBOOK_HOSTS) {
            if (host.equals(allowed) || host.endsWith("." + allowed)) {
                return true;
            }
        }
        return false;
    }
}
