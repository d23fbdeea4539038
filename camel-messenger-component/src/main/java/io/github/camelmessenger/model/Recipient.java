package io.github.camelmessenger.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code recipient} of a Send API request: exactly one of the identifiers is set (the platform rejects more).
 *
 * @param id                a page-scoped user id (PSID), the normal case
 * @param userRef           a {@code user_ref} from the Checkbox plugin or a plugin guest
 * @param commentId         a comment on a Page post, for a Private Reply
 * @param postId            a visitor post, for a Private Reply
 * @param oneTimeNotifToken a single-use One-Time Notification token; masked in {@link #toString()}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recipient(
        @JsonProperty("id") String id,
        @JsonProperty("user_ref") String userRef,
        @JsonProperty("comment_id") String commentId,
        @JsonProperty("post_id") String postId,
        @JsonProperty("one_time_notif_token") String oneTimeNotifToken) {

    public static Recipient id(String psid) {
        return new Recipient(psid, null, null, null, null);
    }

    public static Recipient userRef(String userRef) {
        return new Recipient(null, userRef, null, null, null);
    }

    public static Recipient commentId(String commentId) {
        return new Recipient(null, null, commentId, null, null);
    }

    public static Recipient postId(String postId) {
        return new Recipient(null, null, null, postId, null);
    }

    public static Recipient oneTimeNotifToken(String token) {
        return new Recipient(null, null, null, null, token);
    }

    /** The token works exactly once: whoever reads a log line must not be able to spend it. */
    @Override
    public String toString() {
        return "Recipient[id=" + id + ", userRef=" + userRef + ", commentId=" + commentId + ", postId=" + postId
               + ", oneTimeNotifToken=" + (oneTimeNotifToken == null ? null : "******") + "]";
    }
}
