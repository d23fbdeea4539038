package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code message.quick_replies}.
 *
 * @param contentType {@code text}, {@code user_email} or {@code user_phone_number}
 * @param title       the button label (text quick replies; up to 20 characters)
 * @param payload     sent back in the {@code messages} webhook when tapped (text quick replies)
 * @param imageUrl    optional icon
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "content_type", "title", "payload", "image_url" })
public record QuickReply(
        @JsonProperty("content_type") String contentType,
        @JsonProperty("title") String title,
        @JsonProperty("payload") String payload,
        @JsonProperty("image_url") String imageUrl) {

    public static final String TEXT = "text";
    public static final String USER_EMAIL = "user_email";
    public static final String USER_PHONE_NUMBER = "user_phone_number";

    public static QuickReply text(String title, String payload) {
        return new QuickReply(TEXT, title, payload, null);
    }

    public static QuickReply text(String title, String payload, String imageUrl) {
        return new QuickReply(TEXT, title, payload, imageUrl);
    }

    /** Offers the e-mail address from the user's profile; the tap delivers it as the payload. */
    public static QuickReply userEmail() {
        return new QuickReply(USER_EMAIL, null, null, null);
    }

    /** Offers the phone number from the user's profile; the tap delivers it as the payload. */
    public static QuickReply userPhoneNumber() {
        return new QuickReply(USER_PHONE_NUMBER, null, null, null);
    }
}
