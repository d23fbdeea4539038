package io.github.camelmessenger.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A generic template: one card, or a carousel of up to 10.
 *
 * @param elements         1 to 10 cards
 * @param imageAspectRatio {@code horizontal} (platform default) or {@code square}
 * @param sharable         show the native share button
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "template_type", "image_aspect_ratio", "sharable", "elements" })
public record GenericTemplate(
        @JsonProperty("elements") List<GenericElement> elements,
        @JsonProperty("image_aspect_ratio") String imageAspectRatio,
        @JsonProperty("sharable") Boolean sharable) implements AttachmentPayload {

    public static final String TEMPLATE_TYPE = "generic";

    public GenericTemplate {
        elements = ModelLists.copy(elements, "elements");
    }

    public static GenericTemplate of(List<GenericElement> elements) {
        return new GenericTemplate(elements, null, null);
    }

    public static GenericTemplate of(GenericElement... elements) {
        return new GenericTemplate(List.of(elements), null, null);
    }

    @JsonProperty("template_type")
    public String templateType() {
        return TEMPLATE_TYPE;
    }

    public GenericTemplate withImageAspectRatio(String ratio) {
        return new GenericTemplate(elements, ratio, sharable);
    }

    public GenericTemplate withSharable(Boolean newSharable) {
        return new GenericTemplate(elements, imageAspectRatio, newSharable);
    }
}
