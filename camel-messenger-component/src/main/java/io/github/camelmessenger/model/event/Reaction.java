package io.github.camelmessenger.model.event;

/**
 * A reaction to a message.
 *
 * @param reaction smile, angry, sad, wow, love, like, dislike or other
 * @param action   react or unreact
 * @param mid      the message reacted to
 */
public record Reaction(String reaction, String emoji, String action, String mid) implements EventPayload {
}
