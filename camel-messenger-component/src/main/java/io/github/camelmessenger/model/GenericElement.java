package io.github.camelmessenger.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One card of a generic template.
 *
 * @param title         required, up to 80 characters
 * @param subtitle      up to 80 characters
 * @param imageUrl      the card image
 * @param defaultAction opened when the card itself is tapped
 * @param buttons       up to 3
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenericElement(
        @JsonProperty("title") String title,
        @JsonProperty("subtitle") String subtitle,
        @JsonProperty("image_url") String imageUrl,
        @JsonProperty("default_action") DefaultAction defaultAction,
        @JsonProperty("buttons") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Button> buttons) {

    public GenericElement {
        buttons = ModelLists.copy(buttons, "buttons");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String title;
        private String subtitle;
        private String imageUrl;
        private DefaultAction defaultAction;
        private List<Button> buttons;

        private Builder() {
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        public Builder imageUrl(String imageUrl) {
            this.imageUrl = imageUrl;
            return this;
        }

        public Builder defaultAction(DefaultAction defaultAction) {
            this.defaultAction = defaultAction;
            return this;
        }

        /** Shorthand for {@code defaultAction(DefaultAction.url(url))}. */
        public Builder defaultActionUrl(String url) {
            this.defaultAction = url == null ? null : DefaultAction.url(url);
            return this;
        }

        /** Adds one button. */
        public Builder button(Button button) {
            this.buttons = ModelLists.append(buttons, button);
            return this;
        }

        /** Replaces the buttons. */
        public Builder buttons(List<? extends Button> buttons) {
            this.buttons = buttons == null ? null : List.copyOf(buttons);
            return this;
        }

        public GenericElement build() {
            return new GenericElement(title, subtitle, imageUrl, defaultAction, buttons);
        }
    }
}
