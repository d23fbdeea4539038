package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An {@code account_unlink} (log out) button: only its type. */
public record AccountUnlinkButton() implements Button {

    public static final String TYPE = "account_unlink";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
