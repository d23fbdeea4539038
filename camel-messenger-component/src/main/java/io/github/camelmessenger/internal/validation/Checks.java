package io.github.camelmessenger.internal.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerValidationException;

/**
 * Path-aware reads and checks on a JSON tree. A JSON {@code null} counts as absent, as it does for the platform.
 */
final class Checks {

    private Checks() {
    }

    static MessengerValidationException fail(CharSequence path, String limit, Object value) {
        throw new MessengerValidationException(path.toString(), limit, value);
    }

    static CharSequence path(CharSequence parent, String name) {
        return FieldPath.of(parent, name);
    }

    static CharSequence index(CharSequence arrayPath, int i) {
        return FieldPath.item(arrayPath, i);
    }

    static boolean has(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull();
    }

    /** The field, or {@code null} when absent or JSON null. */
    static JsonNode get(JsonNode object, String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    static JsonNode object(JsonNode parent, String name, CharSequence path, boolean required) {
        JsonNode value = get(parent, name);
        if (value == null) {
            if (required) {
                fail(path, "is required", null);
            }
            return null;
        }
        if (!value.isObject()) {
            fail(path, "must be a JSON object", value);
        }
        return value;
    }

    static JsonNode array(JsonNode parent, String name, CharSequence path, boolean required) {
        JsonNode value = get(parent, name);
        if (value == null) {
            if (required) {
                fail(path, "is required", null);
            }
            return null;
        }
        if (!value.isArray()) {
            fail(path, "must be a JSON array", value);
        }
        return value;
    }

    /**
     * A string field (numbers are accepted as their text, like the platform does for ids and payloads), or {@code null}
     * when absent.
     */
    static String string(JsonNode parent, String name, CharSequence path) {
        JsonNode value = get(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            fail(path, "must be a string", value);
        }
        return value.asText();
    }

    static String requiredString(JsonNode parent, String name, CharSequence path) {
        String value = string(parent, name, path);
        if (value == null) {
            fail(path, "is required", null);
        }
        return value;
    }

    /** Required and not empty (blank is treated as empty: the platform shows nothing for it). */
    static String requiredText(JsonNode parent, String name, CharSequence path) {
        String value = requiredString(parent, name, path);
        if (value.isBlank()) {
            fail(path, "must not be empty", value);
        }
        return value;
    }

    static Boolean bool(JsonNode parent, String name, CharSequence path) {
        JsonNode value = get(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            fail(path, "must be true or false", value);
        }
        return value.booleanValue();
    }

    static void maxLength(CharSequence path, String value, int max) {
        if (value != null && value.length() > max) {
            fail(path, "at most " + max + " characters", value);
        }
    }

    static void oneOf(CharSequence path, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            fail(path, "must be one of " + String.join(", ", allowed), value);
        }
    }

    static void maxItems(CharSequence path, JsonNode array, int max, String what) {
        if (array != null && array.size() > max) {
            fail(path, "at most " + max + " " + what, array.size());
        }
    }

    static void itemCount(CharSequence path, JsonNode array, int min, int max, String what) {
        if (array.size() < min || array.size() > max) {
            String limit = min == max ? "exactly " + min + " " + what : min + " to " + max + " " + what;
            fail(path, limit, array.size());
        }
    }

    /** Exactly one of the named fields is present; the error lists which ones were. */
    static String exactlyOne(JsonNode object, CharSequence path, List<String> names) {
        String found = null;
        int count = 0;
        for (String name : names) {
            if (has(object, name)) {
                found = name;
                count++;
            }
        }
        if (count != 1) {
            List<String> present = new ArrayList<>();
            for (String name : names) {
                if (has(object, name)) {
                    present.add(name);
                }
            }
            fail(path, "needs exactly one of " + String.join(", ", names), present);
        }
        return found;
    }

    /** An absolute http or https URL with a host. */
    static void httpUrl(CharSequence path, String value) {
        if (value != null && plainHttpUrl(value) == UNDECIDED && parseHttpUrl(value) == null) {
            fail(path, "must be an http:// or https:// URL", value);
        }
    }

    static void httpsUrl(CharSequence path, String value) {
        if (value != null) {
            if (plainHttpUrl(value) == HTTPS) {
                return;
            }
            URI uri = parseHttpUrl(value);
            if (uri == null || !"https".equalsIgnoreCase(uri.getScheme())) {
                fail(path, "must be an https:// URL", value);
            }
        }
    }

    static final int UNDECIDED = 0;
    static final int HTTP = 1;
    static final int HTTPS = 2;

    /**
     * Decides the usual URL without {@code new URI}, which was the largest part of validating a card: {@link #HTTP}
     * or {@link #HTTPS} for a URL that {@link #parseHttpUrl} certainly accepts — the scheme, a host name of
     * letter-digit-hyphen labels (the last one starting with a letter), an optional port, then only characters that
     * need no escaping — else {@link #UNDECIDED}, and the caller parses it.
     */
    static int plainHttpUrl(String value) {
        int scheme;
        int at;
        if (value.regionMatches(true, 0, "https://", 0, 8)) {
            scheme = HTTPS;
            at = 8;
        } else if (value.regionMatches(true, 0, "http://", 0, 7)) {
            scheme = HTTP;
            at = 7;
        } else {
            return UNDECIDED;
        }
        int n = value.length();
        // host: labels of letters, digits and inner hyphens; the last label starts with a letter
        int labelStart = at;
        char lastLabelFirst = 0;
        while (true) {
            if (at >= n || !isAlnum(value.charAt(at))) {
                return UNDECIDED;
            }
            lastLabelFirst = value.charAt(at);
            while (at < n && (isAlnum(value.charAt(at)) || value.charAt(at) == '-')) {
                at++;
            }
            if (value.charAt(at - 1) == '-') {
                return UNDECIDED;
            }
            if (at < n && value.charAt(at) == '.') {
                at++;
                labelStart = at;
                continue;
            }
            break;
        }
        if (labelStart > at || !(lastLabelFirst >= 'a' && lastLabelFirst <= 'z'
                                 || lastLabelFirst >= 'A' && lastLabelFirst <= 'Z')) {
            return UNDECIDED;
        }
        if (at < n && value.charAt(at) == ':') {
            int portStart = ++at;
            while (at < n && value.charAt(at) >= '0' && value.charAt(at) <= '9') {
                at++;
            }
            if (at == portStart || at - portStart > 5) {
                return UNDECIDED;
            }
        }
        if (at < n && value.charAt(at) != '/' && value.charAt(at) != '?' && value.charAt(at) != '#') {
            return UNDECIDED;
        }
        boolean fragment = false;
        for (; at < n; at++) {
            char c = value.charAt(at);
            if (c == '#') {
                if (fragment) {
                    return UNDECIDED;
                }
                fragment = true;
            } else if (c == '%') {
                if (at + 2 >= n || !isHex(value.charAt(at + 1)) || !isHex(value.charAt(at + 2))) {
                    return UNDECIDED;
                }
                at += 2;
            } else if (!isAlnum(c) && "-._~/?=&+:@,;!$*'()".indexOf(c) < 0) {
                return UNDECIDED;
            }
        }
        return scheme;
    }

    private static boolean isAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static URI parseHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null) {
                return null;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https") ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
