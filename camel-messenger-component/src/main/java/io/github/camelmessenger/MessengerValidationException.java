package io.github.camelmessenger;

/**
 * Input that breaks a documented platform limit or rule, raised before any HTTP call. The message names the field
 * (as a path in the Send API request, e.g. {@code message.quick_replies[3].title}), the limit and the offending value.
 */
public class MessengerValidationException extends MessengerException {

    private final String field;
    private final String limit;
    private final String value;

    public MessengerValidationException(String field, String limit, Object value) {
        super(field + ": " + limit + " (was: " + describe(value) + ")");
        this.field = field;
        this.limit = limit;
        this.value = describe(value);
    }

    /** The field, as a path into the Send API request body. */
    public String getField() {
        return field;
    }

    /** The rule or limit that was broken, in words. */
    public String getLimit() {
        return limit;
    }

    /** The offending value as shown in the message (long values are shortened). */
    public String getValue() {
        return value;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        if (s.length() > 120) {
            return '"' + s.substring(0, 100) + "…\" (" + s.length() + " characters)";
        }
        return value instanceof CharSequence ? '"' + s + '"' : s;
    }
}
