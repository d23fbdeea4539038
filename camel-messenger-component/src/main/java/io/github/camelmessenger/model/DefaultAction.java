package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code default_action} of a generic template element: what a tap on the card itself opens. It is a URL button
 * without a title.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "url" })
public record DefaultAction(
        @JsonProperty("url") String url,
        @JsonProperty("webview_height_ratio") String webviewHeightRatio,
        @JsonProperty("messenger_extensions") Boolean messengerExtensions,
        @JsonProperty("fallback_url") String fallbackUrl) {

    public static final String TYPE = "web_url";

    public static DefaultAction url(String url) {
        return new DefaultAction(url, null, null, null);
    }

    @JsonProperty("type")
    public String type() {
        return TYPE;
    }

    public DefaultAction withWebviewHeightRatio(String ratio) {
        return new DefaultAction(url, ratio, messengerExtensions, fallbackUrl);
    }

    public DefaultAction withMessengerExtensions(Boolean extensions) {
        return new DefaultAction(url, webviewHeightRatio, extensions, fallbackUrl);
    }

    public DefaultAction withFallbackUrl(String fallback) {
        return new DefaultAction(url, webviewHeightRatio, messengerExtensions, fallback);
    }
}
