package io.github.camelmessenger.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.model.event.AccountLinking;
import io.github.camelmessenger.model.event.AppRoles;
import io.github.camelmessenger.model.event.Comment;
import io.github.camelmessenger.model.event.DeliveryReceipt;
import io.github.camelmessenger.model.event.EventPayload;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.model.event.Optin;
import io.github.camelmessenger.model.event.PassThreadControl;
import io.github.camelmessenger.model.event.Postback;
import io.github.camelmessenger.model.event.Reaction;
import io.github.camelmessenger.model.event.ReadReceipt;
import io.github.camelmessenger.model.event.ReceivedAttachment;
import io.github.camelmessenger.model.event.ReceivedMessage;
import io.github.camelmessenger.model.event.Referral;
import io.github.camelmessenger.model.event.RequestThreadControl;
import io.github.camelmessenger.model.event.TakeThreadControl;
import io.github.camelmessenger.model.event.UnknownEvent;

/**
 * Turns one item of {@code messaging[]} / {@code standby[]} / {@code changes[]} into a typed {@link MessengerEvent}.
 * Lenient by design: fields the platform omits become null, ids sent as numbers become strings, and a kind it does
 * not know becomes {@code unknown} with its JSON kept.
 */
final class EventMapper {

    private static final Set<String> ENVELOPE = Set.of("sender", "recipient", "timestamp");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    EventMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param entryTime the entry's {@code time}, the event's time when it has no {@code timestamp} of its own
     *                  (deliveries and reads may carry only a watermark); 0 when unknown
     */
    MessengerEvent map(JsonNode item, String entryPageId, long entryTime, boolean standby) {
        if (isChange(item)) {
            return change(item, entryPageId, entryTime);
        }
        String senderId = text(item.path("sender"), "id");
        String userRef = text(item.path("sender"), "user_ref");
        if (senderId == null && userRef == null) {
            // the checkbox plugin's opt-in names the user only inside the opt-in
            userRef = text(item.path("optin"), "user_ref");
        }
        String recipientId = text(item.path("recipient"), "id");
        long timestamp = millis(item.get("timestamp"));
        MessengerEvent.Builder event = MessengerEvent.builder()
                .senderId(senderId).userRef(userRef).recipientId(recipientId)
                .timestamp(timestamp > 0 ? timestamp : Math.max(0, entryTime)).standby(standby).raw(item);

        JsonNode n;
        if ((n = object(item, "message")) != null) {
            ReceivedMessage m = message(n);
            MessengerEventType type = m.echo() ? MessengerEventType.ECHO
                    : m.quickReplyPayload() != null ? MessengerEventType.QUICK_REPLY : MessengerEventType.MESSAGE;
            // an echo is sent by the Page: its Page is the sender
            String pageId = m.echo() ? first(senderId, entryPageId) : first(recipientId, entryPageId);
            return event.type(type).pageId(pageId).payload(m).build();
        }
        event.pageId(first(recipientId, entryPageId));
        if ((n = object(item, "postback")) != null) {
            return event.type(MessengerEventType.POSTBACK).payload(
                    new Postback(text(n, "title"), text(n, "payload"), text(n, "mid"), referral(object(n, "referral"))))
                    .build();
        } else if ((n = object(item, "optin")) != null) {
            Optin o = new Optin(text(n, "type"), text(n, "payload"), text(n, "ref"), text(n, "user_ref"),
                    text(n, "one_time_notif_token"));
            boolean otn = "one_time_notif_req".equals(o.type()) || o.oneTimeNotifToken() != null;
            return event.type(otn ? MessengerEventType.ONE_TIME_NOTIF_OPTIN : MessengerEventType.OPTIN).payload(o)
                    .build();
        } else if ((n = object(item, "referral")) != null) {
            return event.type(MessengerEventType.REFERRAL).payload(referral(n)).build();
        } else if ((n = object(item, "delivery")) != null) {
            return event.type(MessengerEventType.DELIVERY)
                    .payload(new DeliveryReceipt(texts(n.path("mids")), millis(n.get("watermark")))).build();
        } else if ((n = object(item, "read")) != null) {
            return event.type(MessengerEventType.READ).payload(new ReadReceipt(millis(n.get("watermark")))).build();
        } else if ((n = object(item, "reaction")) != null) {
            return event.type(MessengerEventType.REACTION).payload(
                    new Reaction(text(n, "reaction"), text(n, "emoji"), text(n, "action"), text(n, "mid"))).build();
        } else if ((n = object(item, "account_linking")) != null) {
            return event.type(MessengerEventType.ACCOUNT_LINKING)
                    .payload(new AccountLinking(text(n, "status"), text(n, "authorization_code"))).build();
        } else if ((n = object(item, "pass_thread_control")) != null) {
            return event.type(MessengerEventType.PASS_THREAD_CONTROL).payload(new PassThreadControl(
                    text(n, "previous_owner_app_id"), text(n, "new_owner_app_id"), text(n, "metadata"))).build();
        } else if ((n = object(item, "take_thread_control")) != null) {
            return event.type(MessengerEventType.TAKE_THREAD_CONTROL).payload(new TakeThreadControl(
                    text(n, "previous_owner_app_id"), text(n, "new_owner_app_id"), text(n, "metadata"))).build();
        } else if ((n = object(item, "request_thread_control")) != null) {
            return event.type(MessengerEventType.REQUEST_THREAD_CONTROL).payload(
                    new RequestThreadControl(text(n, "requested_owner_app_id"), text(n, "metadata"))).build();
        } else if ((n = object(item, "app_roles")) != null) {
            return event.type(MessengerEventType.APP_ROLES).payload(appRoles(n)).build();
        }
        return event.type(MessengerEventType.UNKNOWN).payload(unknown(item)).build();
    }

    /** An item of {@code changes[]}: {@code {"field":"feed","value":{...}}}. */
    static boolean isChange(JsonNode item) {
        return item.path("field").isTextual() && item.has("value") && !item.has("sender");
    }

    /**
     * A Page change: a comment on the Page's posts becomes a comment event (the Page is its recipient); any other
     * change (posts, reactions, other fields) is passed on as {@code unknown} with its field as kind.
     */
    private MessengerEvent change(JsonNode item, String entryPageId, long entryTime) {
        String field = text(item, "field");
        JsonNode value = item.get("value");
        MessengerEvent.Builder event = MessengerEvent.builder().pageId(entryPageId).recipientId(entryPageId)
                .timestamp(Math.max(0, entryTime)).raw(item);
        if ("feed".equals(field) && value.isObject() && "comment".equals(text(value, "item"))) {
            JsonNode from = value.path("from");
            long created = millis(value.get("created_time"));
            Comment comment = new Comment(text(value, "comment_id"), text(value, "post_id"), text(value, "parent_id"),
                    text(value, "verb"), text(value, "message"), text(from, "id"), text(from, "name"), created);
            return event.type(MessengerEventType.COMMENT).senderId(comment.fromId())
                    .timestamp(created > 0 ? created : Math.max(0, entryTime)).payload(comment).build();
        }
        return event.type(MessengerEventType.UNKNOWN).payload(new UnknownEvent(field, value)).build();
    }

    private ReceivedMessage message(JsonNode m) {
        List<ReceivedAttachment> attachments = new ArrayList<>();
        for (JsonNode a : m.path("attachments")) {
            if (a.isObject()) {
                attachments.add(attachment(a));
            }
        }
        JsonNode replyTo = object(m, "reply_to");
        return new ReceivedMessage(text(m, "mid"), text(m, "text"), text(m.path("quick_reply"), "payload"),
                attachments,
                replyTo == null ? null
                        : new ReceivedMessage.ReplyTo(text(replyTo, "mid"), replyTo.path("is_self_reply").asBoolean()),
                m.path("is_echo").asBoolean(false), text(m, "app_id"), text(m, "metadata"),
                referral(object(m, "referral")));
    }

    /**
     * A link share arrives as {@code {"type":"fallback","payload":null,"title":...,"URL":...}} (older payloads, and
     * what Meta's reference still shows) or with {@code url} and {@code title} inside the payload: either way the url
     * and title are kept.
     */
    private ReceivedAttachment attachment(JsonNode a) {
        JsonNode payload = a.path("payload");
        Map<String, Object> fields = new LinkedHashMap<>();
        if (payload.isObject()) {
            fields.putAll(mapper.convertValue(payload, MAP));
        }
        String url = first(text(payload, "url"), first(text(a, "url"), text(a, "URL")));
        a.properties().forEach(f -> {
            String name = f.getKey();
            boolean envelope = name.equals("type") || name.equals("payload") || name.equalsIgnoreCase("url");
            if (!envelope && !f.getValue().isNull()) {
                fields.putIfAbsent(name, mapper.convertValue(f.getValue(), Object.class));
            }
        });
        if (url != null) {
            fields.putIfAbsent("url", url);
        }
        return new ReceivedAttachment(text(a, "type"), url, fields);
    }

    private Referral referral(JsonNode r) {
        if (r == null) {
            return null;
        }
        JsonNode ads = r.path("ads_context_data");
        return new Referral(text(r, "ref"), text(r, "source"), text(r, "type"), text(r, "ad_id"),
                text(r, "referer_uri"), ads.isObject() ? mapper.convertValue(ads, MAP) : Map.of());
    }

    private static AppRoles appRoles(JsonNode n) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        n.properties().forEach(e -> roles.put(e.getKey(), texts(e.getValue())));
        return new AppRoles(roles);
    }

    private static EventPayload unknown(JsonNode item) {
        Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!ENVELOPE.contains(f.getKey())) {
                return new UnknownEvent(f.getKey(), f.getValue());
            }
        }
        return new UnknownEvent(null, null);
    }

    private static JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && n.isObject() ? n : null;
    }

    /** A scalar as text (ids arrive as numbers too); null when absent, null or structured. */
    static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    /** Below this a time is taken to be in seconds (in milliseconds it would be before March 1973). */
    private static final long SECONDS_BELOW = 100_000_000_000L;

    /**
     * A time as the platform writes it, in epoch milliseconds: a number or a numeric string, in milliseconds or
     * seconds, or an ISO-8601 instant; 0 when absent or unreadable.
     */
    static long millis(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0L;
        }
        long value;
        if (n.isNumber()) {
            value = n.asLong();
        } else if (n.isTextual()) {
            String t = n.asText().trim();
            try {
                value = t.contains(".") && !t.contains("T") ? (long) Double.parseDouble(t) : Long.parseLong(t);
            } catch (NumberFormatException e) {
                try {
                    return Instant.parse(t).toEpochMilli();
                } catch (DateTimeParseException e2) {
                    return 0L;
                }
            }
        } else {
            return 0L;
        }
        if (value <= 0) {
            return 0L;
        }
        return value < SECONDS_BELOW ? value * 1000 : value;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isValueNode() && !n.isNull()) {
                out.add(n.asText());
            }
        }
        return out;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
