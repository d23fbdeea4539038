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

    /** The signature header value for {@code body}: what the platform would send. */
    String sign(byte[] body) {
        byte[] mac = macs.get().doFinal(body);
        StringBuilder sb = new StringBuilder(PREFIX.length() + HEX_LENGTH).append(PREFIX);
        for (byte b : mac) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
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
            int hi = Character.digit(h.charAt(PREFIX.length() + 2 * i), 16);
            int lo = Character.digit(h.charAt(PREFIX.length() + 2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
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
