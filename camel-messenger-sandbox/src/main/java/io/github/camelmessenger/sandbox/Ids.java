package io.github.camelmessenger.sandbox;

import java.security.SecureRandom;
import java.util.Base64;

/** Ids shaped like the platform's: message ids, attachment ids, one-time notification tokens, trace ids, PSIDs. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Ids() {
    }

    public static String mid() {
        return "m_" + base64(30);
    }

    public static String attachmentId() {
        return digits(16);
    }

    public static String psid() {
        return digits(16);
    }

    public static String oneTimeNotifToken() {
        return base64(48);
    }

    public static String fbtraceId() {
        StringBuilder b = new StringBuilder(11);
        for (int i = 0; i < 11; i++) {
            b.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return b.toString();
    }

    private static String digits(int n) {
        StringBuilder b = new StringBuilder(n).append(1 + RANDOM.nextInt(9));
        while (b.length() < n) {
            b.append(RANDOM.nextInt(10));
        }
        return b.toString();
    }

    private static String base64(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
