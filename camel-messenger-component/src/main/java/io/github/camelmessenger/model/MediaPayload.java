package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The payload of an image, audio, video or file attachment: a URL the platform fetches, or the id of an uploaded
 * attachment.
 *
 * @param url          fetched by the platform (images up to 8 MB, 10 s timeout)
 * @param attachmentId from the Attachment Upload API or an earlier reusable send
 * @param isReusable   {@code true} to have the platform keep the file and return an attachment id (URL form only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaPayload(
        @JsonProperty("url") String url,
        @JsonProperty("attachment_id") String attachmentId,
        @JsonProperty("is_reusable") Boolean isReusable) implements AttachmentPayload {

    public static MediaPayload url(String url) {
        return new MediaPayload(url, null, null);
    }

    public static MediaPayload url(String url, boolean reusable) {
        return new MediaPayload(url, null, reusable);
    }

    public static MediaPayload attachmentId(String attachmentId) {
        return new MediaPayload(null, attachmentId, null);
    }

    public MediaPayload withReusable(Boolean reusable) {
        return new MediaPayload(url, attachmentId, reusable);
    }
}
