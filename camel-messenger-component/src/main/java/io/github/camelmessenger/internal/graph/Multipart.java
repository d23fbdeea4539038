package io.github.camelmessenger.internal.graph;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body (RFC 7578), as the Attachment Upload API takes it: a {@code message} field with
 * the JSON and a {@code filedata} file part.
 */
public final class Multipart {

    private static final byte[] CRLF = { '\r', '\n' };
    private static final byte[] DASHES = { '-', '-' };

    private final byte[] body;
    private final String contentType;

    private Multipart(byte[] body, String contentType) {
        this.body = body;
        this.contentType = contentType;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The encoded body. */
    public byte[] body() {
        return body;
    }

    /** {@code multipart/form-data; boundary=...}, to send as the request's content type. */
    public String contentType() {
        return contentType;
    }

    @Override
    public String toString() {
        return "Multipart[" + contentType + ", " + body.length + " bytes]";
    }

    private record Part(String name, String fileName, String contentType, byte[] data) {
    }

    public static final class Builder {

        private final List<Part> parts = new ArrayList<>();

        private Builder() {
        }

        /** A text field, encoded as UTF-8. */
        public Builder field(String name, String value) {
            Objects.requireNonNull(value, "value");
            parts.add(new Part(requireName(name), null, null, value.getBytes(StandardCharsets.UTF_8)));
            return this;
        }

        /** A file part. */
        public Builder file(String name, String fileName, String contentType, byte[] data) {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(data, "data");
            parts.add(new Part(requireName(name), fileName,
                    contentType == null ? "application/octet-stream" : contentType, data));
            return this;
        }

        public Multipart build() {
            String boundary = boundary();
            byte[] boundaryBytes = boundary.getBytes(StandardCharsets.US_ASCII);
            int size = 64;
            for (Part p : parts) {
                size += p.data.length + 160;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(size);
            for (Part p : parts) {
                out.writeBytes(DASHES);
                out.writeBytes(boundaryBytes);
                out.writeBytes(CRLF);
                StringBuilder headers = new StringBuilder(96)
                        .append("Content-Disposition: form-data; name=\"").append(escape(p.name)).append('"');
                if (p.fileName != null) {
                    headers.append("; filename=\"").append(escape(p.fileName)).append('"');
                }
                headers.append("\r\n");
                if (p.contentType != null) {
                    headers.append("Content-Type: ").append(stripLineBreaks(p.contentType)).append("\r\n");
                }
                headers.append("\r\n");
                out.writeBytes(headers.toString().getBytes(StandardCharsets.UTF_8));
                out.writeBytes(p.data);
                out.writeBytes(CRLF);
            }
            out.writeBytes(DASHES);
            out.writeBytes(boundaryBytes);
            out.writeBytes(DASHES);
            out.writeBytes(CRLF);
            return new Multipart(out.toByteArray(), "multipart/form-data; boundary=" + boundary);
        }

        /** A random boundary that occurs in no part (a clash is astronomically unlikely, but cheap to rule out). */
        private String boundary() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (;;) {
                String candidate = "camel-messenger-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                                   + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
                byte[] needle = candidate.getBytes(StandardCharsets.US_ASCII);
                boolean clash = false;
                for (Part p : parts) {
                    if (contains(p.data, needle)) {
                        clash = true;
                        break;
                    }
                }
                if (!clash) {
                    return candidate;
                }
            }
        }

        private static String requireName(String name) {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("A multipart part needs a name");
            }
            return name;
        }

        /** HTML's form encoding: quote and line breaks percent-encoded, so a name cannot break the header. */
        private static String escape(String s) {
            if (s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
                return s;
            }
            return s.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        }

        private static String stripLineBreaks(String s) {
            return s.replace("\r", "").replace("\n", "");
        }

        private static boolean contains(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0, last = haystack.length - needle.length; i <= last; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
