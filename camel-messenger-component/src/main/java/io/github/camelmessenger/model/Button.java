package io.github.camelmessenger.model;

/**
 * A button of a button template, a generic template element or a media template element. Each implementation
 * serializes its own {@code type} property.
 */
public sealed interface Button permits UrlButton, PostbackButton, CallButton, AccountLinkButton, AccountUnlinkButton {

    /** The {@code type} property of this button in the Send API. */
    String type();

    /** A {@code web_url} button opening {@code url} in the in-app browser. */
    static UrlButton url(String title, String url) {
        return new UrlButton(title, url, null, null, null, null);
    }

    /** A {@code postback} button: a tap sends {@code payload} to the {@code messaging_postbacks} webhook. */
    static PostbackButton postback(String title, String payload) {
        return new PostbackButton(title, payload);
    }

    /** A {@code phone_number} (call) button; {@code phoneNumber} is {@code +} country code and number. */
    static CallButton call(String title, String phoneNumber) {
        return new CallButton(title, phoneNumber);
    }

    /** An {@code account_link} (log in) button opening the HTTPS authentication callback {@code url}. */
    static AccountLinkButton accountLink(String url) {
        return new AccountLinkButton(url);
    }

    /** An {@code account_unlink} (log out) button. */
    static AccountUnlinkButton accountUnlink() {
        return new AccountUnlinkButton();
    }
}
