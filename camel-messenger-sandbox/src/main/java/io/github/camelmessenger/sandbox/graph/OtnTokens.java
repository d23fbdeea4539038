package io.github.camelmessenger.sandbox.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.camelmessenger.sandbox.Ids;

/**
 * One-time notification tokens: issued when a user taps Notify Me, good for exactly one message within a year.
 * Not thread-safe: the sandbox calls it under its own lock.
 */
public final class OtnTokens {

    public static final Duration VALIDITY = Duration.ofDays(365);

    /** A token and what became of it. */
    public record Token(String token, String pageId, String psid, String payload, Instant issuedAt, Instant usedAt) {

        Token used(Instant when) {
            return new Token(token, pageId, psid, payload, issuedAt, when);
        }

        public Instant expiresAt() {
            return issuedAt.plus(VALIDITY);
        }
    }

    private final Map<String, Token> tokens = new HashMap<>();

    /** The token as it is, without spending it; null when unknown. */
    public Token peek(String token) {
        return tokens.get(token);
    }

    public Token issue(String pageId, String psid, String payload, Instant now) {
        Token t = new Token(Ids.oneTimeNotifToken(), pageId, psid, payload, now, null);
        tokens.put(t.token(), t);
        return t;
    }

    /**
     * Spends a token for a send of the given Page.
     *
     * @return the token, or an error when it is unknown, of another Page, used or expired
     */
    public Object spend(String token, String pageId, Instant now) {
        Token t = tokens.get(token);
        if (t == null || !t.pageId().equals(pageId)) {
            return GraphError.invalidParameter("Invalid one_time_notif_token");
        }
        if (t.usedAt() != null) {
            return new GraphError(400, 100, 0, GraphError.OAUTH,
                    "(#100) The one_time_notif_token has already been used",
                    "a one-time notification token is good for one message; it was used at " + t.usedAt());
        }
        if (!t.expiresAt().isAfter(now)) {
            return new GraphError(400, 100, 0, GraphError.OAUTH, "(#100) The one_time_notif_token has expired",
                    "the token was issued at " + t.issuedAt() + " and is valid for a year");
        }
        Token used = t.used(now);
        tokens.put(token, used);
        return used;
    }

    public void clear() {
        tokens.clear();
    }
}
