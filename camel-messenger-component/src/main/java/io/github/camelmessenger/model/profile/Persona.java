package io.github.camelmessenger.model.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A persona, the body of {@code messenger:createPersona}: a human agent's name and picture the Page speaks as.
 *
 * @param name              the name shown
 * @param profilePictureUrl an http(s) URL of the picture
 */
public record Persona(@JsonProperty("name") String name,
                      @JsonProperty("profile_picture_url") String profilePictureUrl) {

    public static Persona of(String name, String profilePictureUrl) {
        return new Persona(name, profilePictureUrl);
    }
}
