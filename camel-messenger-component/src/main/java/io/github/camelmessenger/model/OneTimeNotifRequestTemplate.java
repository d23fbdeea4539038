package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The One-Time Notification request ("Notify Me") template. A tap delivers a {@code messaging_optins} webhook with a
 * single-use token and this payload.
 *
 * @param title   up to 65 characters
 * @param payload returned with the opt-in (typically the topic)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "template_type", "title", "payload" })
public record OneTimeNotifRequestTemplate(
        @JsonProperty("title") String title,
        @JsonProperty("payload") String payload) implements AttachmentPayload {

    public static final String TEMPLATE_TYPE = "one_time_notif_req";

    public static OneTimeNotifRequestTemplate of(String title, String payload) {
        return new OneTimeNotifRequestTemplate(title, payload);
    }

    @JsonProperty("template_type")
    public String templateType() {
        return TEMPLATE_TYPE;
    }
}
