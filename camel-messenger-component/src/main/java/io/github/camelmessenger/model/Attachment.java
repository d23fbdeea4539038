package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code message.attachment}: a file by URL or attachment id, or a template.
 *
 * @param type    {@code image}, {@code audio}, {@code video}, {@code file} or {@code template}
 * @param payload a {@link MediaPayload} for files, a template for {@code template}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(
        @JsonProperty("type") String type,
        @JsonProperty("payload") AttachmentPayload payload) {

    public static final String IMAGE = "image";
    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";
    public static final String FILE = "file";
    public static final String TEMPLATE = "template";

    public static Attachment image(String url) {
        return media(IMAGE, MediaPayload.url(url));
    }

    public static Attachment audio(String url) {
        return media(AUDIO, MediaPayload.url(url));
    }

    public static Attachment video(String url) {
        return media(VIDEO, MediaPayload.url(url));
    }

    public static Attachment file(String url) {
        return media(FILE, MediaPayload.url(url));
    }

    /** A file attachment of the given type ({@code image}, {@code audio}, {@code video}, {@code file}). */
    public static Attachment media(String type, MediaPayload payload) {
        return new Attachment(type, payload);
    }

    /** A {@code template} attachment. */
    public static Attachment template(AttachmentPayload templatePayload) {
        return new Attachment(TEMPLATE, templatePayload);
    }
}
