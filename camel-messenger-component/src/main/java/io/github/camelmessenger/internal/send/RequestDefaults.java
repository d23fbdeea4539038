package io.github.camelmessenger.internal.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;

/**
 * Fills what a request leaves open from the exchange: recipient, messaging type, tag, notification type, persona,
 * metadata and shorthand quick replies. What the body states itself always wins over headers, and headers win over
 * endpoint options.
 */
public final class RequestDefaults {

    private RequestDefaults() {
    }

    public static void apply(ObjectNode request, ExchangeSettings settings, boolean quickRepliesAllowed) {
        boolean tokenRecipient = false;
        if (!request.has("recipient")) {
            String otnToken = settings.get(MessengerConstants.ONE_TIME_NOTIF_TOKEN, null);
            if (otnToken != null) {
                // outside the 24-hour window only the token reaches the user, so it wins over the PSID
                request.putObject("recipient").put("one_time_notif_token", otnToken);
                tokenRecipient = true;
            } else {
                request.set("recipient", recipient(settings));
            }
        }
        String tag = text(request, "tag");
        if (tag == null) {
            tag = upper(settings.get(MessengerConstants.TAG, settings.options.getTag()));
            if (tag != null) {
                request.put("tag", tag);
            }
        }
        if (!request.has("sender_action") && !request.has("messaging_type")) {
            String type = upper(settings.get(MessengerConstants.MESSAGING_TYPE, settings.options.getMessagingType()));
            if (type != null || !tokenRecipient) {
                // the platform's token sends carry no messaging_type unless the route asks for one
                request.put("messaging_type", type != null ? type : tag != null ? "MESSAGE_TAG" : "RESPONSE");
            }
        }
        putIfAbsent(request, "notification_type",
                upper(settings.get(MessengerConstants.NOTIFICATION_TYPE, settings.options.getNotificationType())));
        putIfAbsent(request, "persona_id", settings.get(MessengerConstants.PERSONA_ID, settings.options.getPersonaId()));

        if (!request.has("thread_control")) {
            String control = settings.get(MessengerConstants.THREAD_CONTROL, settings.options.getThreadControl());
            if (control != null) {
                ObjectNode threadControl = request.putObject("thread_control");
                threadControl.put("control_type", control.toLowerCase(java.util.Locale.ROOT));
                String appId = settings.get(MessengerConstants.TARGET_APP_ID, settings.options.getTargetAppId());
                if (appId != null && "pass".equalsIgnoreCase(control)) {
                    threadControl.put("app_id", appId);
                }
            }
        }
        JsonNode message = request.get("message");
        if (message instanceof ObjectNode messageNode) {
            putIfAbsent(messageNode, "metadata",
                    settings.get(MessengerConstants.METADATA, settings.options.getMetadata()));
            if (quickRepliesAllowed && !messageNode.has("quick_replies")) {
                ArrayNode quickReplies = Shorthands.quickReplies(settings);
                if (quickReplies != null) {
                    messageNode.set("quick_replies", quickReplies);
                }
            }
        }
    }

    /**
     * The recipient the exchange names: a PSID in CamelMessengerRecipientId, else a comment or post for a private
     * reply (a comment event carries both, and its sender is no PSID), else the sender the route answers.
     */
    public static ObjectNode recipient(ExchangeSettings settings) {
        String psid = settings.get(MessengerConstants.RECIPIENT_ID, null);
        if (psid != null) {
            return recipient("id", psid);
        }
        String comment = settings.get(MessengerConstants.COMMENT_ID, null);
        if (comment != null) {
            return recipient("comment_id", comment);
        }
        String post = settings.get(MessengerConstants.POST_ID, null);
        if (post != null) {
            return recipient("post_id", post);
        }
        String sender = settings.get(MessengerConstants.SENDER_ID, null);
        if (sender == null) {
            throw new MessengerValidationException("recipient",
                    "a recipient is required: set header CamelMessengerRecipientId (a PSID), reply to "
                                                            + "CamelMessengerSenderId, or give recipient in the body",
                    null);
        }
        return recipient("id", sender);
    }

    private static ObjectNode recipient(String field, String value) {
        ObjectNode recipient = Json.NODES.objectNode();
        recipient.put(field, value);
        return recipient;
    }

    /** URI options and headers are typed by people: RESPONSE and response mean the same. */
    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (value != null && !node.has(field)) {
            node.put(field, value);
        }
    }
}
