package io.github.camelmessenger.model.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of a persistent menu: a postback or a web link.
 *
 * @param type    {@code postback} or {@code web_url}
 * @param title   the label
 * @param payload the postback payload ({@code postback})
 * @param url     the page opened ({@code web_url})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "payload", "url" })
public record MenuItem(
        @JsonProperty("type") String type,
        @JsonProperty("title") String title,
        @JsonProperty("payload") String payload,
        @JsonProperty("url") String url) {

    public static MenuItem postback(String title, String payload) {
        return new MenuItem("postback", title, payload, null);
    }

    public static MenuItem webUrl(String title, String url) {
        return new MenuItem("web_url", title, null, url);
    }
}
