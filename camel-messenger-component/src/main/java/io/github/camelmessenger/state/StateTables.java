package io.github.camelmessenger.state;

import java.util.regex.Pattern;

/** The names of the JDBC repository's tables, derived from one validated prefix. */
record StateTables(String waits, String lastInbound, String waitsExpiryIndex) {

    /** Plain unquoted identifiers only: the prefix is pasted into SQL, so nothing else may pass. */
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)?");
    /** Keeps the longest name ({@code <prefix>waits_expires_idx}) within PostgreSQL's 63-character limit. */
    static final int MAX_PREFIX_LENGTH = 40;

    static StateTables withPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches() || prefix.length() > MAX_PREFIX_LENGTH) {
            throw new IllegalArgumentException("tablePrefix must be letters, digits and underscores, not starting with"
                                               + " a digit, at most " + MAX_PREFIX_LENGTH + " characters (was: "
                                               + prefix + ")");
        }
        return new StateTables(prefix + "waits", prefix + "last_inbound", prefix + "waits_expires_idx");
    }

    /** {@code <prefix>wait_takes}: waits taken and not yet confirmed or given back. */
    String waitTakes() {
        return waits.substring(0, waits.length() - "waits".length()) + "wait_takes";
    }
}
