package io.github.camelmessenger.internal.send;

import java.nio.charset.StandardCharsets;

/**
 * Reads the ids of a flat Send API answer ({@code {"recipient_id":"…","message_id":"…"}}) straight from its bytes.
 * Anything that is not a flat object of plain scalars — nesting, escapes, odd syntax — is refused, and the caller
 * parses it with Jackson instead.
 */
final class FlatAnswer {

    static final int MESSAGE_ID = 0;
    static final int ATTACHMENT_ID = 1;
    static final int RECIPIENT_ID = 2;

    private static final byte[][] KEYS = { ascii("message_id"), ascii("attachment_id"), ascii("recipient_id") };

    private FlatAnswer() {
    }

    /** @return the three ids (null where absent), or null when the answer is not a flat object of scalars */
    static String[] read(byte[] b) {
        String[] ids = new String[3];
        int n = b.length;
        int i = skipWhitespace(b, 0);
        if (i >= n || b[i] != '{') {
            return null;
        }
        i = skipWhitespace(b, i + 1);
        if (i < n && b[i] == '}') {
            return skipWhitespace(b, i + 1) == n ? ids : null;
        }
        while (true) {
            if (i >= n || b[i] != '"') {
                return null;
            }
            int keyStart = i + 1;
            int keyEnd = plainStringEnd(b, keyStart);
            if (keyEnd < 0) {
                return null;
            }
            i = skipWhitespace(b, keyEnd + 1);
            if (i >= n || b[i] != ':') {
                return null;
            }
            i = skipWhitespace(b, i + 1);
            if (i >= n) {
                return null;
            }
            String value;
            if (b[i] == '"') {
                int valueEnd = plainStringEnd(b, i + 1);
                if (valueEnd < 0) {
                    return null;
                }
                value = new String(b, i + 1, valueEnd - i - 1, StandardCharsets.UTF_8);
                i = valueEnd + 1;
            } else {
                int start = i;
                while (i < n && (b[i] >= '0' && b[i] <= '9' || b[i] == '-' || b[i] == '.' || b[i] == 'e' || b[i] == 'E'
                                 || b[i] == '+' || b[i] >= 'a' && b[i] <= 'z')) {
                    i++;
                }
                if (i == start) {
                    return null;
                }
                value = new String(b, start, i - start, StandardCharsets.US_ASCII);
                if (value.equals("null")) {
                    value = null;
                }
            }
            int slot = slot(b, keyStart, keyEnd);
            if (slot >= 0) {
                ids[slot] = value;
            }
            i = skipWhitespace(b, i);
            if (i >= n) {
                return null;
            }
            if (b[i] == '}') {
                return skipWhitespace(b, i + 1) == n ? ids : null;
            }
            if (b[i] != ',') {
                return null;
            }
            i = skipWhitespace(b, i + 1);
        }
    }

    /** The closing quote of a string without escapes, or -1. */
    private static int plainStringEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '"') {
                return i;
            }
            if (b[i] == '\\' || b[i] < 0x20 && b[i] >= 0) {
                return -1;
            }
        }
        return -1;
    }

    private static int slot(byte[] b, int start, int end) {
        int length = end - start;
        for (int k = 0; k < KEYS.length; k++) {
            byte[] key = KEYS[k];
            if (key.length == length && java.util.Arrays.equals(b, start, end, key, 0, length)) {
                return k;
            }
        }
        return -1;
    }

    private static int skipWhitespace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
