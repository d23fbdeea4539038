package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code web_url} button.
 *
 * @param title               up to 20 characters
 * @param url                 the page to open
 * @param webviewHeightRatio  {@code compact}, {@code tall} or {@code full} (platform default)
 * @param messengerExtensions {@code true} to use the Messenger Extensions SDK (needs an HTTPS, whitelisted url)
 * @param fallbackUrl         used by clients without Messenger Extensions; only with messengerExtensions
 * @param webviewShareButton  {@code hide} to hide the share button of the webview
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "url" })
public record UrlButton(
        @JsonProperty("title") String title,
        @JsonProperty("url") String url,
        @JsonProperty("webview_height_ratio") String webviewHeightRatio,
        @JsonProperty("messenger_extensions") Boolean messengerExtensions,
        @JsonProperty("fallback_url") String fallbackUrl,
        @JsonProperty("webview_share_button") String webviewShareButton) implements Button {

    public static final String TYPE = "web_url";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public UrlButton withWebviewHeightRatio(String ratio) {
        return new UrlButton(title, url, ratio, messengerExtensions, fallbackUrl, webviewShareButton);
    }

    public UrlButton withMessengerExtensions(Boolean extensions) {
        return new UrlButton(title, url, webviewHeightRatio, extensions, fallbackUrl, webviewShareButton);
    }

    public UrlButton withFallbackUrl(String fallback) {
        return new UrlButton(title, url, webviewHeightRatio, messengerExtensions, fallback, webviewShareButton);
    }

    public UrlButton withWebviewShareButton(String shareButton) {
        return new UrlButton(title, url, webviewHeightRatio, messengerExtensions, fallbackUrl, shareButton);
    }
}
