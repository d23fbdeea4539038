package io.github.camelmessenger.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A media template: exactly one image or video (by attachment id or Facebook URL) with at most one button.
 *
 * @param elements exactly one element
 * @param sharable show the native share button
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "template_type", "elements", "sharable" })
public record MediaTemplate(
        @JsonProperty("elements") List<MediaElement> elements,
        @JsonProperty("sharable") Boolean sharable) implements AttachmentPayload {

    public static final String TEMPLATE_TYPE = "media";

    public MediaTemplate {
        elements = ModelLists.copy(elements, "elements");
    }

    public static MediaTemplate of(MediaElement element) {
        return new MediaTemplate(List.of(element), null);
    }

    @JsonProperty("template_type")
    public String templateType() {
        return TEMPLATE_TYPE;
    }

    public MediaTemplate withSharable(Boolean newSharable) {
        return new MediaTemplate(elements, newSharable);
    }
}
