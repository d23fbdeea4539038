package io.github.camelmessenger.internal.shorthand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.Button;
import io.github.camelmessenger.model.QuickReply;

/**
 * The shorthand no-code users type in URI options and headers for quick replies and buttons.
 * <p>
 * Quick replies ({@link #quickReplies(List)}), one item each:
 * <ul>
 * <li>{@code Label} - a text quick reply whose payload is the label;</li>
 * <li>{@code Label=payload} - only the first {@code =} separates, so the payload may contain {@code =};</li>
 * <li>{@code user_email}, {@code user_phone_number} - the quick replies pre-filled from the user's profile;</li>
 * <li>{@code Label [https://…/icon.png]}, {@code Label [https://…/icon.png]=payload} or
 * {@code Label=payload [https://…/icon.png]} - an icon; {@code [https://…/icon.png]=payload} gives an icon-only quick
 * reply. Square brackets are reserved for the icon: they may appear once, right after the label or at the end of the
 * payload, and must hold an http(s) URL.</li>
 * </ul>
 * Buttons ({@link #buttons(List)}), one item each, {@code Label=value} where only the first {@code =} separates:
 * <ul>
 * <li>a value starting with {@code http://} or {@code https://} - a {@code web_url} button;</li>
 * <li>{@code phone_number:+15551234567} - a call button;</li>
 * <li>{@code account_link:https://…/login} - a log-in button (the label is not shown, the platform draws its own);</li>
 * <li>the item {@code account_unlink} alone - a log-out button;</li>
 * <li>any other value - a {@code postback} button with that payload; {@code Label} alone - payload = label.</li>
 * </ul>
 * A malformed item raises a {@link MessengerValidationException} naming the item (e.g. {@code buttons[0]}), the
 * expected form and the item. The parsers only check syntax: lengths, counts and formats such as the phone number are
 * checked on the whole request by {@code SendApiValidator}.
 */
public final class Shorthand {

    /** Quick reply forms, quoted in error messages. */
    public static final String QUICK_REPLY_FORMS
            = "expected Label, Label=payload, Label [https://…/icon.png], Label=payload [https://…/icon.png], "
              + "user_email or user_phone_number";

    /** Button forms, quoted in error messages. */
    public static final String BUTTON_FORMS
            = "expected Label, Label=payload, Label=https://…, Label=phone_number:+15551234567, "
              + "Label=account_link:https://… or account_unlink";

    private static final String PHONE_PREFIX = "phone_number:";
    private static final String ACCOUNT_LINK_PREFIX = "account_link:";

    private Shorthand() {
    }

    /**
     * Splits a shorthand spec into items.
     * <ul>
     * <li>{@code null} - no items;</li>
     * <li>a {@link Collection} or array - its items, each converted with {@code String.valueOf} and trimmed (items are
     * not split further, so a list is the way to pass values containing commas);</li>
     * <li>any other value is taken as a string: if it contains a line break, each line is an item (commas are then
     * part of the item); otherwise items are separated by commas.</li>
     * </ul>
     * Blank items are dropped in every case.
     *
     * @param spec           the option or header value
     * @param commaSeparated whether the caller treats the value as a comma separated list; URI options and header
     *                       strings follow the same rule above, so this does not change the result (kept so callers
     *                       can state their intent)
     */
    public static List<String> split(Object spec, boolean commaSeparated) {
        return split(spec);
    }

    /** Same as {@link #split(Object, boolean)}. */
    public static List<String> split(Object spec) {
        List<String> result = new ArrayList<>();
        if (spec == null) {
            return result;
        }
        if (spec instanceof Collection<?> collection) {
            for (Object item : collection) {
                addItem(result, item);
            }
        } else if (spec instanceof Object[] array) {
            for (Object item : array) {
                addItem(result, item);
            }
        } else {
            String text = String.valueOf(spec);
            String[] parts = text.indexOf('\n') >= 0 ? text.split("\r?\n") : text.split(",");
            for (String part : parts) {
                addItem(result, part);
            }
        }
        return result;
    }

    private static void addItem(List<String> result, Object item) {
        if (item != null) {
            String trimmed = String.valueOf(item).trim();
            if (!trimmed.isEmpty()) {
                result.add(trimmed);
            }
        }
    }

    /** Parses quick reply items; errors name them {@code quickReplies[i]}. */
    public static List<QuickReply> quickReplies(List<String> items) {
        return quickReplies(items, "quickReplies");
    }

    /** Parses quick reply items; errors name them {@code field[i]} (e.g. the option or header they came from). */
    public static List<QuickReply> quickReplies(List<String> items, String field) {
        List<QuickReply> result = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                result.add(quickReply(items.get(i), field + "[" + i + "]"));
            }
        }
        return result;
    }

    /** Parses button items; errors name them {@code buttons[i]}. */
    public static List<Button> buttons(List<String> items) {
        return buttons(items, "buttons");
    }

    /** Parses button items; errors name them {@code field[i]} (e.g. the option or header they came from). */
    public static List<Button> buttons(List<String> items, String field) {
        List<Button> result = new ArrayList<>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                result.add(button(items.get(i), field + "[" + i + "]"));
            }
        }
        return result;
    }

    static QuickReply quickReply(String rawItem, String field) {
        String item = rawItem == null ? "" : rawItem.trim();
        if (item.equalsIgnoreCase(QuickReply.USER_EMAIL)) {
            return QuickReply.userEmail();
        }
        if (item.equalsIgnoreCase(QuickReply.USER_PHONE_NUMBER)) {
            return QuickReply.userPhoneNumber();
        }
        int eq = indexOfOutsideBrackets(item, '=');
        Part label = withIcon(eq < 0 ? item : item.substring(0, eq), field, item);
        Part value = eq < 0 ? null : withIcon(item.substring(eq + 1), field, item);
        if (label.icon != null && value != null && value.icon != null) {
            throw new MessengerValidationException(field, QUICK_REPLY_FORMS + "; only one [image URL] per quick reply",
                    item);
        }
        String icon = label.icon != null ? label.icon : value == null ? null : value.icon;
        if (label.text.isEmpty() && icon == null) {
            throw new MessengerValidationException(field, QUICK_REPLY_FORMS + "; the label must not be empty", item);
        }
        String payload;
        if (value == null) {
            if (label.text.isEmpty()) {
                throw new MessengerValidationException(field,
                        QUICK_REPLY_FORMS + "; an icon-only quick reply needs a payload: [https://…/icon.png]=payload",
                        item);
            }
            payload = label.text;
        } else {
            payload = value.text;
            if (payload.isEmpty() && icon == null) {
                throw new MessengerValidationException(field,
                        QUICK_REPLY_FORMS + "; the payload after '=' must not be empty (omit '=' to use the label)",
                        item);
            }
        }
        return QuickReply.text(label.text.isEmpty() ? null : label.text, payload, icon);
    }

    static Button button(String rawItem, String field) {
        String item = rawItem == null ? "" : rawItem.trim();
        int eq = item.indexOf('=');
        String label = (eq < 0 ? item : item.substring(0, eq)).trim();
        if (label.isEmpty()) {
            throw new MessengerValidationException(field, BUTTON_FORMS + "; the label must not be empty", item);
        }
        if (eq < 0) {
            if (label.equalsIgnoreCase("account_unlink")) {
                return Button.accountUnlink();
            }
            return Button.postback(label, label);
        }
        String value = item.substring(eq + 1).trim();
        if (value.isEmpty()) {
            throw new MessengerValidationException(field,
                    BUTTON_FORMS + "; the value after '=' must not be empty (omit '=' to use the label as payload)",
                    item);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return Button.url(label, value);
        }
        if (lower.startsWith(PHONE_PREFIX)) {
            String raw = value.substring(PHONE_PREFIX.length());
            String number = raw.trim();
            if (raw.startsWith(" ") && !number.isEmpty() && Character.isDigit(number.charAt(0))) {
                // a '+' in a URI query decodes to a space: phone_number:+1555 arrives as "phone_number: 1555"
                number = "+" + number;
            }
            if (number.isEmpty()) {
                throw new MessengerValidationException(field,
                        BUTTON_FORMS + "; phone_number: must be followed by the number, e.g. +15551234567", item);
            }
            return Button.call(label, number);
        }
        if (lower.startsWith(ACCOUNT_LINK_PREFIX)) {
            String url = value.substring(ACCOUNT_LINK_PREFIX.length()).trim();
            if (url.isEmpty()) {
                throw new MessengerValidationException(field,
                        BUTTON_FORMS + "; account_link: must be followed by the https log-in URL", item);
            }
            return Button.accountLink(url);
        }
        return Button.postback(label, value);
    }

    /** Text and optional icon of one side of a quick reply item. */
    private record Part(String text, String icon) {
    }

    /** Splits {@code text [url]} into its text and icon; brackets anywhere else are a syntax error. */
    private static Part withIcon(String part, String field, String item) {
        int open = part.indexOf('[');
        int close = part.indexOf(']');
        if (open < 0) {
            if (close >= 0) {
                throw new MessengerValidationException(field, QUICK_REPLY_FORMS + "; ']' without '['", item);
            }
            return new Part(part.trim(), null);
        }
        if (close < 0) {
            throw new MessengerValidationException(field, QUICK_REPLY_FORMS + "; '[' without ']'", item);
        }
        if (close < open || part.indexOf('[', open + 1) >= 0 || part.indexOf(']', close + 1) >= 0
                || !part.substring(close + 1).isBlank()) {
            throw new MessengerValidationException(field,
                    QUICK_REPLY_FORMS + "; one [image URL] is allowed, right after the label or at the end of the payload",
                    item);
        }
        String icon = part.substring(open + 1, close).trim();
        String lower = icon.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new MessengerValidationException(field,
                    QUICK_REPLY_FORMS + "; the image in square brackets must be an http:// or https:// URL", item);
        }
        return new Part(part.substring(0, open).trim(), icon);
    }

    /** The first {@code c} not inside square brackets (an icon URL may contain '=' in its query). */
    private static int indexOfOutsideBrackets(String s, char c) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '[') {
                depth++;
            } else if (ch == ']' && depth > 0) {
                depth--;
            } else if (ch == c && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
