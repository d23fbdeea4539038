package io.github.camelmessenger.internal.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerAmbiguousSendException;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import org.apache.camel.Exchange;

import static io.github.camelmessenger.MessengerException.findCause;

/**
 * A Page may answer a comment (or a visitor post) with one private reply, within 7 days of it. The replies this
 * component made or is making are remembered for those 7 days, so a second one fails before the call instead of
 * burning a platform error; a reply that certainly did not go out is forgotten again, one that may have gone out (an
 * ambiguous failure) is not. Other nodes' replies are the platform's to refuse.
 */
public final class PrivateReplies {

    static final Duration WINDOW = Duration.ofDays(7);
    /** Beyond this many remembered replies the oldest are dropped: the platform still refuses a second one. */
    private static final int CAPACITY = 100_000;

    private final Clock clock;
    /** Page and comment (or post) → when the reply was reserved, in epoch milliseconds. */
    private final ConcurrentMap<String, Long> replied = new ConcurrentHashMap<>();

    public PrivateReplies(Clock clock) {
        this.clock = clock;
    }

    /**
     * Checks a request addressed to a comment or post and reserves its one reply.
     *
     * @return the reservation to settle once the call's outcome is known; null when the request is no private reply
     * @throws MessengerValidationException when the comment is older than 7 days, or was answered already
     */
    Reservation reserve(Exchange exchange, JsonNode request, String page) {
        JsonNode recipient = request.path("recipient");
        String field = recipient.hasNonNull("comment_id") ? "comment_id"
                : recipient.hasNonNull("post_id") ? "post_id" : null;
        if (field == null) {
            return null;
        }
        String id = recipient.get(field).asText();
        Instant now = clock.instant();
        Long made = exchange.getMessage().getHeader(MessengerConstants.COMMENT_TIME, Long.class);
        if (made != null && made > 0 && Instant.ofEpochMilli(made).plus(WINDOW).isBefore(now)) {
            throw new MessengerValidationException("recipient." + field,
                    "a private reply is allowed within 7 days of the comment or post, which was made at "
                                                                        + Instant.ofEpochMilli(made),
                    id);
        }
        String key = page + '|' + field + ':' + id;
        long nowMillis = now.toEpochMilli();
        Long earlier = replied.putIfAbsent(key, nowMillis);
        if (earlier != null) {
            if (earlier + WINDOW.toMillis() >= nowMillis || !replied.replace(key, earlier, nowMillis)) {
                throw new MessengerValidationException("recipient." + field,
                        "one private reply per comment or post, and this one was answered at "
                                                                            + Instant.ofEpochMilli(earlier),
                        id);
            }
        }
        trim(nowMillis);
        return new Reservation(key, nowMillis);
    }

    private void trim(long nowMillis) {
        if (replied.size() <= CAPACITY) {
            return;
        }
        long expired = nowMillis - WINDOW.toMillis();
        replied.values().removeIf(t -> t < expired);
        Iterator<Map.Entry<String, Long>> it = replied.entrySet().iterator();
        while (replied.size() > CAPACITY && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** One reserved private reply. */
    public final class Reservation implements PreparedCall.Settlement {
        private final String key;
        private final long at;

        private Reservation(String key, long at) {
            this.key = key;
            this.at = at;
        }

        /** A reply that certainly did not go out frees the comment again; a sent or maybe-sent one keeps it. */
        @Override
        public void settled(Throwable failure) {
            if (failure != null && findCause(failure, MessengerAmbiguousSendException.class) == null) {
                replied.remove(key, at);
            }
        }

        @Override
        public String toString() {
            return "PrivateReply[" + key + "]";
        }
    }
}
