package io.github.camelmessenger.sandbox.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.BadRequestException;
import io.github.camelmessenger.sandbox.Ids;
import io.github.camelmessenger.sandbox.JsonFields;
import io.github.camelmessenger.sandbox.SimulatedUser;
import io.github.camelmessenger.sandbox.conversation.Conversation;
import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.conversation.Side;
import io.github.camelmessenger.sandbox.graph.OtnTokens;

/**
 * Turns what a simulated user does ({@code {"type":"text","text":"hi"}}, a quick reply tap, ...) into the webhook
 * event the platform would deliver (messenger-platform.md §5.6), or a {@link BadRequestException} naming the field.
 */
public final class UserActions {

    public static final List<String> TYPES = List.of("text", "quick_reply", "postback", "notify_me", "attachment",
            "delivery", "read");
    private static final List<String> ATTACHMENT_TYPES = List.of("image", "video", "audio", "file", "location");
    private static final int TEXT_MAX = 20000;

    /**
     * A user event ready to deliver.
     *
     * @param item        the {@code messaging[]} item
     * @param opensWindow whether it opens the 24-hour messaging window
     */
    public record Prepared(String kind, ObjectNode item, String mid, boolean opensWindow) {
    }

    private UserActions() {
    }

    public static Prepared prepare(SimulatedUser user, JsonNode event, Conversation conversation, String pageId,
                                   Instant now, OtnTokens tokens) {
        JsonFields.requireObject(event, "{\"type\":\"text\",\"text\":\"hi\"}");
        String type = text(event, "type", true);
        if (!TYPES.contains(type)) {
            throw new BadRequestException("type", "must be one of " + TYPES + ", got \"" + type + "\"");
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.putObject("sender").put("id", user.psid());
        item.putObject("recipient").put("id", pageId);
        item.put("timestamp", now.toEpochMilli());
        String mid = Ids.mid();
        switch (type) {
            case "text" -> {
                String text = text(event, "text", true);
                if (text.isBlank() || text.length() > TEXT_MAX) {
                    throw new BadRequestException("text", "must be 1 to " + TEXT_MAX + " characters");
                }
                item.putObject("message").put("mid", mid).put("text", text);
            }
            case "quick_reply" -> quickReply(user, event, conversation, item.putObject("message").put("mid", mid));
            case "postback" -> postback(event, conversation, item.putObject("postback").put("mid", mid));
            case "notify_me" -> {
                Entry request = BotOffers.untappedNotifyMe(conversation).orElseThrow(() -> new BadRequestException(
                        "type", "notify_me: the bot has sent " + user.name()
                                + " no Notify Me request that is still untapped"));
                String payload = request.body().path("message").path("attachment").path("payload").path("payload")
                        .asText();
                OtnTokens.Token token = tokens.issue(pageId, user.psid(), payload, now);
                item.putObject("optin").put("type", "one_time_notif_req").put("payload", payload)
                        .put("one_time_notif_token", token.token());
                mid = null;
            }
            case "attachment" -> attachment(event, item.putObject("message").put("mid", mid));
            case "delivery" -> {
                long since = conversation.last(e -> e.side() == Side.USER && e.kind().equals("delivery"))
                        .map(Entry::seq).orElse(-1L);
                var mids = item.putObject("delivery").putArray("mids");
                BotOffers.botMidsAfter(conversation, since).forEach(mids::add);
                ((ObjectNode) item.get("delivery")).put("watermark", now.toEpochMilli());
                mid = null;
            }
            default -> {
                item.putObject("read").put("watermark", now.toEpochMilli());
                mid = null;
            }
        }
        boolean opens = !type.equals("notify_me") && !type.equals("delivery") && !type.equals("read");
        return new Prepared(type, item, mid, opens);
    }

    private static void quickReply(SimulatedUser user, JsonNode event, Conversation conversation, ObjectNode message) {
        String payload = text(event, "payload", false);
        String title = text(event, "title", false);
        String contentType = text(event, "contentType", false);
        if (payload == null && title == null && contentType == null) {
            throw new BadRequestException("payload", "give the payload or the title of the quick reply to tap "
                                                     + "(or contentType user_email / user_phone_number)");
        }
        List<JsonNode> onScreen = BotOffers.quickReplies(conversation);
        if (onScreen.isEmpty()) {
            throw new BadRequestException(payload != null ? "payload" : title != null ? "title" : "contentType",
                    "no quick replies are on " + user.name() + "'s screen (the bot's latest message has none, or "
                    + "the user has answered it)");
        }
        for (JsonNode q : onScreen) {
            String type = q.path("content_type").asText("text");
            String shared = type.equals("user_email") ? user.email()
                    : type.equals("user_phone_number") ? user.phone() : null;
            String qTitle = shared != null ? shared : q.path("title").asText(null);
            String qPayload = shared != null ? shared : q.path("payload").asText(null);
            boolean match = contentType != null ? contentType.equals(type)
                    : payload != null ? payload.equals(qPayload)
                    : title.equals(qTitle) || title.equals(type);
            if (match) {
                message.put("text", qTitle != null ? qTitle : qPayload);
                message.putObject("quick_reply").put("payload", qPayload);
                return;
            }
        }
        String field = contentType != null ? "contentType" : payload != null ? "payload" : "title";
        String wanted = contentType != null ? contentType : payload != null ? payload : title;
        throw new BadRequestException(field, "no quick reply on screen matches \"" + wanted + "\"; on screen: "
                                             + describe(onScreen));
    }

    private static void postback(JsonNode event, Conversation conversation, ObjectNode postback) {
        String payload = text(event, "payload", false);
        String title = text(event, "title", false);
        if (payload == null && title == null) {
            throw new BadRequestException("payload", "give the payload or the title of the button to tap");
        }
        Optional<JsonNode> button = BotOffers.postbackButtons(conversation).stream()
                .filter(b -> payload != null ? payload.equals(b.path("payload").asText())
                        : title.equals(b.path("title").asText()))
                .findFirst();
        if (button.isEmpty()) {
            throw new BadRequestException(payload != null ? "payload" : "title", "the bot sent no postback button "
                                          + (payload != null ? "with payload \"" + payload : "titled \"" + title)
                                          + "\"; buttons sent: " + describe(BotOffers.postbackButtons(conversation)));
        }
        postback.put("title", button.get().path("title").asText()).put("payload",
                button.get().path("payload").asText());
    }

    private static void attachment(JsonNode event, ObjectNode message) {
        String type = text(event, "attachmentType", true);
        if (!ATTACHMENT_TYPES.contains(type)) {
            throw new BadRequestException("attachmentType", "must be one of " + ATTACHMENT_TYPES + ", got \"" + type
                                                            + "\"");
        }
        ObjectNode a = message.putArray("attachments").addObject().put("type", type);
        if (type.equals("location")) {
            double lat = number(event, "lat", 90);
            double lon = number(event, "long", 180);
            a.putObject("payload").putObject("coordinates").put("lat", lat).put("long", lon);
            return;
        }
        String url = text(event, "url", true);
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new BadRequestException("url", "must be an http(s) URL, got \"" + url + "\"");
        }
        a.putObject("payload").put("url", url);
    }

    private static String describe(List<JsonNode> offers) {
        return offers.stream().map(q -> q.has("title") ? q.path("title").asText() + "=" + q.path("payload").asText()
                : q.path("content_type").asText()).toList().toString();
    }

    private static String text(JsonNode event, String field, boolean required) {
        return JsonFields.text(event, field, required);
    }

    private static double number(JsonNode event, String field, double max) {
        JsonNode n = event.get(field);
        if (n == null || !n.isNumber() || Math.abs(n.asDouble()) > max) {
            throw new BadRequestException(field, "expected a number from -" + (int) max + " to " + (int) max);
        }
        return n.asDouble();
    }
}
