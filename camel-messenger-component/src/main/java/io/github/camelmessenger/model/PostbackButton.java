package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code postback} button.
 *
 * @param title   up to 20 characters
 * @param payload up to 1000 characters, delivered in the {@code messaging_postbacks} webhook
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "payload" })
public record PostbackButton(
        @JsonProperty("title") String title,
        @JsonProperty("payload") String payload) implements Button {

    public static final String TYPE = "postback";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
