package io.github.camelmessenger.internal.graph;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultipartTest {

    @Test
    void encodesFieldsAndFilesPerRfc7578() {
        Multipart m = Multipart.builder()
                .field("message", "{\"a\":\"\u00e9\"}")
                .file("filedata", "a.png", "image/png", new byte[] { 1, 2, 3 })
                .build();

        assertThat(m.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = m.contentType().substring("multipart/form-data; boundary=".length());
        String body = new String(m.body(), StandardCharsets.ISO_8859_1);
        String utf8Message = new String("{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        assertThat(body).isEqualTo(
                "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"message\"\r\n\r\n"
                + utf8Message + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"filedata\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n"
                + "\u0001\u0002\u0003\r\n"
                + "--" + boundary + "--\r\n");
    }

    @Test
    void quotesAndLineBreaksCannotBreakTheHeaders() {
        Multipart m = Multipart.builder().file("f", "evil\"\r\nX-Injected: 1.png", null, new byte[0]).build();
        String body = new String(m.body(), StandardCharsets.UTF_8);

        assertThat(body).contains("filename=\"evil%22%0D%0AX-Injected: 1.png\"")
                .contains("Content-Type: application/octet-stream");
        assertThat(body).doesNotContain("\r\nX-Injected");
    }

    @Test
    void boundariesDifferPerBody() {
        Multipart a = Multipart.builder().field("x", "1").build();
        Multipart b = Multipart.builder().field("x", "1").build();
        assertThat(a.contentType()).isNotEqualTo(b.contentType());
    }

    @Test
    void refusesNamelessParts() {
        assertThatThrownBy(() -> Multipart.builder().field("", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Multipart.builder().file(null, "f", "t", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
