package io.github.camelmessenger.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The single element of a media template: an image or video given by an attachment id (from the Attachment Upload
 * API) or by a Facebook URL. Third-party URLs are rejected by the platform: upload them first.
 *
 * @param mediaType    {@code image} or {@code video}
 * @param attachmentId an uploaded attachment
 * @param url          a Facebook URL (e.g. {@code https://www.facebook.com/<page>/videos/<id>})
 * @param buttons      at most 1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "media_type", "attachment_id", "url", "buttons" })
public record MediaElement(
        @JsonProperty("media_type") String mediaType,
        @JsonProperty("attachment_id") String attachmentId,
        @JsonProperty("url") String url,
        @JsonProperty("buttons") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Button> buttons) {

    public MediaElement {
        buttons = ModelLists.copy(buttons, "buttons");
    }

    public static MediaElement attachmentId(String mediaType, String id) {
        return new MediaElement(mediaType, id, null, null);
    }

    public static MediaElement url(String mediaType, String facebookUrl) {
        return new MediaElement(mediaType, null, facebookUrl, null);
    }

    public MediaElement withButtons(List<? extends Button> newButtons) {
        return new MediaElement(mediaType, attachmentId, url, newButtons == null ? null : List.copyOf(newButtons));
    }
}
