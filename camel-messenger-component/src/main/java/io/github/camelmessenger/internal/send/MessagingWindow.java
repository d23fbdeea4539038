package io.github.camelmessenger.internal.send;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerWindowClosedException;
import io.github.camelmessenger.state.ConversationStateRepository;

/**
 * The standard messaging window: a Page may message a user within 24 hours of the user's last message, and within 7
 * days with an allowed message tag. A user the repository has never seen is let through: the platform decides.
 */
final class MessagingWindow {

    static final Duration STANDARD = Duration.ofHours(24);
    static final Duration TAGGED = Duration.ofDays(7);

    private MessagingWindow() {
    }

    static void check(JsonNode request, String pageId, ConversationStateRepository repository, Instant now) {
        JsonNode psid = request.path("recipient").get("id");
        if (pageId == null || psid == null || psid.isNull()) {
            // token, user_ref, comment or post recipients have windows of their own
            return;
        }
        Optional<Instant> last = repository.lastInbound(pageId, psid.asText());
        if (last.isEmpty()) {
            return;
        }
        boolean tagged = request.hasNonNull("tag");
        Duration window = tagged ? TAGGED : STANDARD;
        if (last.get().plus(window).isBefore(now)) {
            throw new MessengerWindowClosedException(pageId, psid.asText(), last.get(),
                    tagged ? "7 days (message tag " + request.get("tag").asText() + ")" : "24 hours");
        }
    }
}
