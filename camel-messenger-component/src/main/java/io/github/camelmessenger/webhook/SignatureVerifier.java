package io.github.camelmessenger.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex>}: the HMAC-SHA256 of the exact body bytes with the app secret.
 * The bytes as received matter: the platform signs its escaped-unicode form, so a re-encoded string would not verify.
 */
final class SignatureVerifier {

    private static final String PREFIX = "sha256=";
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;
    // a Mac is not thread-safe and costly to look up; one per thread
    private final ThreadLocal<Mac> macs;

    SignatureVerifier(String appSecret) {
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    boolean verify(byte[] body, String header) {
        byte[] expected = decode(header);
        if (expected == null) {
            return false;
        }
        byte[] actual = macs.get().doFinal(body);
        return MessageDigest.isEqual(actual, expected);
    }

    /** Whether the header has the form of a signature at all: checked before the body is even read. */
    static boolean wellFormed(String header) {
        return decode(header) != null;
    }

    private static byte[] decode(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (h.length() != PREFIX.length() + HEX_LENGTH || !h.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        byte[] out = new byte[HEX_LENGTH / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = hex(h.charAt(PREFIX.length() + 2 * i));
            int lo = hex(h.charAt(PREFIX.length() + 2 * i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** ASCII hex only (Character.digit would also take other scripts' digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
