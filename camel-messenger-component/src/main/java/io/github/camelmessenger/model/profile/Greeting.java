package io.github.camelmessenger.model.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The greeting shown before a conversation starts, for one locale.
 *
 * @param locale {@code default} or a locale such as {@code en_US}
 * @param text   up to 160 characters; may use the platform's {@code {{user_first_name}}}, {@code {{user_last_name}}}
 *               and {@code {{user_full_name}}}
 */
public record Greeting(@JsonProperty("locale") String locale, @JsonProperty("text") String text) {

    /** The greeting of the default locale. */
    public static Greeting of(String text) {
        return new Greeting(MessengerProfile.DEFAULT_LOCALE, text);
    }
}
