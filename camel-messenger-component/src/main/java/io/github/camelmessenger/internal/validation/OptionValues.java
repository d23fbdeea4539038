package io.github.camelmessenger.internal.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.github.camelmessenger.MessengerConfiguration;

/**
 * The options that take one of a fixed set of values, checked when an endpoint is created so that a typo fails the
 * route's start with the allowed values, not the first send. The catalog shows the same sets ({@code enums} of each
 * {@code @UriParam}; a test keeps the two equal). Values are compared ignoring case, as the senders always did.
 */
public final class OptionValues {

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        add("messagingType", MessengerConfiguration::getMessagingType, PlatformLimits.MESSAGING_TYPES);
        add("tag", MessengerConfiguration::getTag, PlatformLimits.ACTIVE_TAGS);
        add("notificationType", MessengerConfiguration::getNotificationType, PlatformLimits.NOTIFICATION_TYPES);
        add("attachmentType", MessengerConfiguration::getAttachmentType, List.of("image", "audio", "video", "file"));
        add("senderAction", MessengerConfiguration::getSenderAction, PlatformLimits.SENDER_ACTIONS);
        add("imageAspectRatio", MessengerConfiguration::getImageAspectRatio, List.of("horizontal", "square"));
        add("mediaType", MessengerConfiguration::getMediaType, List.of("image", "video"));
        add("threadControl", MessengerConfiguration::getThreadControl, PlatformLimits.THREAD_CONTROL_TYPES);
        add("windowPolicy", MessengerConfiguration::getWindowPolicy, List.of("reject", "ignore"));
    }

    private record Option(Function<MessengerConfiguration, String> value, List<String> allowed) {
    }

    private OptionValues() {
    }

    private static void add(String name, Function<MessengerConfiguration, String> value, List<String> allowed) {
        OPTIONS.put(name, new Option(value, allowed));
    }

    /** Each fixed-value option's allowed values, by option name (for the catalog drift test). */
    public static Map<String, List<String>> allowed() {
        Map<String, List<String>> allowed = new LinkedHashMap<>();
        OPTIONS.forEach((name, option) -> allowed.put(name, option.allowed()));
        return allowed;
    }

    /** Fails with the option, its value and the allowed values when one is set to anything else. */
    public static void check(MessengerConfiguration configuration) {
        for (Map.Entry<String, Option> e : OPTIONS.entrySet()) {
            String value = e.getValue().value().apply(configuration);
            if (value == null || value.isEmpty() || contains(e.getValue().allowed(), value)) {
                continue;
            }
            if (e.getKey().equals("tag") && isRetiredTag(value)) {
                // a retired tag gets its own advice from the send-time check, which headers reach too
                continue;
            }
            throw new IllegalArgumentException("Option " + e.getKey() + " is '" + value + "'; allowed: "
                                               + String.join(", ", e.getValue().allowed()));
        }
    }

    private static boolean isRetiredTag(String value) {
        String tag = value.toUpperCase(Locale.ROOT);
        return PlatformLimits.TAGS_RETIRED_2026.contains(tag) || PlatformLimits.TAGS_RETIRED_2020.contains(tag);
    }

    private static boolean contains(List<String> allowed, String value) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }
}
