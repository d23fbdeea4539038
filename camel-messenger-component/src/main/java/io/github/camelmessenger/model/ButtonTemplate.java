package io.github.camelmessenger.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A button template: text with 1 to 3 buttons that stay after a tap.
 *
 * @param text     1 to 640 characters
 * @param buttons  1 to 3
 * @param sharable show the native share button
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "template_type", "text", "buttons", "sharable" })
public record ButtonTemplate(
        @JsonProperty("text") String text,
        @JsonProperty("buttons") List<Button> buttons,
        @JsonProperty("sharable") Boolean sharable) implements AttachmentPayload {

    public static final String TEMPLATE_TYPE = "button";

    public ButtonTemplate {
        buttons = ModelLists.copy(buttons, "buttons");
    }

    public static ButtonTemplate of(String text, List<? extends Button> buttons) {
        return new ButtonTemplate(text, buttons == null ? null : List.copyOf(buttons), null);
    }

    public static ButtonTemplate of(String text, Button... buttons) {
        return new ButtonTemplate(text, List.of(buttons), null);
    }

    @JsonProperty("template_type")
    public String templateType() {
        return TEMPLATE_TYPE;
    }

    public ButtonTemplate withSharable(Boolean newSharable) {
        return new ButtonTemplate(text, buttons, newSharable);
    }
}
