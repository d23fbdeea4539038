package io.github.camelmessenger.model.profile;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A question offered to start a conversation; tapping it sends the payload as a postback.
 *
 * @param question the question shown
 * @param payload  the postback payload
 */
public record IceBreaker(@JsonProperty("question") String question, @JsonProperty("payload") String payload) {
}
