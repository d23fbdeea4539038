package io.github.camelmessenger.model.event;

/**
 * A comment on one of the Page's posts, from the {@code feed} webhook field ({@code item} comment). The Page may
 * answer it with one private reply within 7 days: send with header {@code CamelMessengerCommentId} (the consumer sets
 * it) or {@code Recipient.commentId(...)}.
 *
 * @param commentId   the comment
 * @param postId      the post commented on
 * @param parentId    the comment or post answered (the post for a top-level comment)
 * @param verb        add, edited or remove
 * @param message     the comment's text, when it has one
 * @param fromId      who commented (absent when the platform withholds it)
 * @param fromName    their name, when given
 * @param createdTime when the comment was made, in milliseconds since the epoch (0 when not given)
 */
public record Comment(String commentId, String postId, String parentId, String verb, String message, String fromId,
                      String fromName, long createdTime) implements EventPayload {

    /** The name and text are the commenter's own words: kept out of logs. */
    @Override
    public String toString() {
        return "Comment[commentId=" + commentId + ", postId=" + postId + ", verb=" + verb + ", createdTime="
               + createdTime + "]";
    }
}
