package io.github.camelmessenger.model.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Get Started button: the postback payload a new user's first tap sends.
 *
 * @param payload 1 to 1000 characters
 */
public record GetStarted(@JsonProperty("payload") String payload) {
}
