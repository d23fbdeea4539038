package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An {@code account_link} (log in) button; it has no title.
 *
 * @param url the HTTPS authentication callback URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "url" })
public record AccountLinkButton(@JsonProperty("url") String url) implements Button {

    public static final String TYPE = "account_link";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
