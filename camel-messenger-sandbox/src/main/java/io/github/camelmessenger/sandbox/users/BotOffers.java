package io.github.camelmessenger.sandbox.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.sandbox.conversation.Conversation;
import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.conversation.Side;

/**
 * What the bot has put on the user's screen that the user can tap: the quick replies of its latest message (gone
 * once the user says anything), the postback buttons of its templates (they stay), its latest Notify Me request.
 */
final class BotOffers {

    /** User entries after which the quick replies of an earlier message are no longer on screen. */
    private static final Set<String> USER_MESSAGES = Set.of("text", "quick_reply", "postback", "notify_me",
            "attachment");

    private BotOffers() {
    }

    /** The quick replies on screen, or empty. */
    static List<JsonNode> quickReplies(Conversation conversation) {
        List<Entry> entries = conversation.entries();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.side() == Side.USER && USER_MESSAGES.contains(e.kind())) {
                return List.of();
            }
            if (e.isBotMessage() && e.verdict().isAccepted()) {
                JsonNode replies = e.body().path("message").path("quick_replies");
                List<JsonNode> out = new ArrayList<>();
                replies.forEach(out::add);
                return out;
            }
        }
        return List.of();
    }

    /** The postback buttons the bot sent, latest first. */
    static List<JsonNode> postbackButtons(Conversation conversation) {
        List<Entry> entries = conversation.entries();
        List<JsonNode> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (e.isBotMessage() && e.verdict().isAccepted()) {
                JsonNode payload = e.body().path("message").path("attachment").path("payload");
                collect(payload.path("buttons"), out);
                payload.path("elements").forEach(el -> collect(el.path("buttons"), out));
            }
        }
        return out;
    }

    private static void collect(JsonNode buttons, List<JsonNode> out) {
        buttons.forEach(b -> {
            if ("postback".equals(b.path("type").asText())) {
                out.add(b);
            }
        });
    }

    /** The latest Notify Me request, if the user has not tapped it yet. */
    static Optional<Entry> untappedNotifyMe(Conversation conversation) {
        Optional<Entry> request = conversation.last(e -> e.isBotMessage() && e.verdict().isAccepted()
                                                          && "one_time_notif_req".equals(e.body().path("message")
                                                                  .path("attachment").path("payload")
                                                                  .path("template_type").asText()));
        if (request.isEmpty()) {
            return Optional.empty();
        }
        long after = request.get().seq();
        boolean tapped = conversation.last(e -> e.side() == Side.USER && e.kind().equals("notify_me")
                                                && e.seq() > after).isPresent();
        return tapped ? Optional.empty() : request;
    }

    /** The mids of the bot's accepted messages after the given sequence number. */
    static List<String> botMidsAfter(Conversation conversation, long seq) {
        return conversation.entries().stream().filter(e -> e.seq() > seq && e.isBotMessage() && e.mid() != null)
                .map(Entry::mid).toList();
    }
}
