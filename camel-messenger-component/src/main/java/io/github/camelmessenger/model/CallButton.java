package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code phone_number} (call) button.
 *
 * @param title   up to 20 characters
 * @param payload the phone number: {@code +}, country code and number, e.g. {@code +16505551234}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "payload" })
public record CallButton(
        @JsonProperty("title") String title,
        @JsonProperty("payload") String payload) implements Button {

    public static final String TYPE = "phone_number";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
