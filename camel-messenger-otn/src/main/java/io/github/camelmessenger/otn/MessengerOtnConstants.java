package io.github.camelmessenger.otn;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.spi.Metadata;

/**
 * The headers the {@code messenger-otn} component reads and writes. The names shared with the {@code messenger}
 * component are the same strings as in {@link MessengerConstants}, so an opt-in exchange of {@code messenger:webhook}
 * feeds {@code messenger-otn:store} and a broadcast exchange feeds {@code messenger:sendMessage} unchanged.
 */
public final class MessengerOtnConstants {

    // ----- shared with the messenger component

    @Metadata(description = "store: the one-time notification token of the opt-in (required; removed from the "
                            + "exchange once stored, so a thank-you reply does not spend it). broadcast: the token to "
                            + "send the holder's one message with; messenger:sendMessage addresses the message to it.",
              javaType = "String")
    public static final String ONE_TIME_NOTIF_TOKEN = MessengerConstants.ONE_TIME_NOTIF_TOKEN;
    @Metadata(description = "The Page of the contact: read by the producers (required), set by the consumers.",
              javaType = "String")
    public static final String PAGE_ID = MessengerConstants.PAGE_ID;
    @Metadata(description = "Producers: the user's page-scoped id (PSID), as the webhook consumer sets it; "
                            + "CamelMessengerRecipientId is read when it is absent.",
              javaType = "String", label = "producer")
    public static final String SENDER_ID = MessengerConstants.SENDER_ID;
    @Metadata(description = "Consumers: the PSID of the contact, so messenger:sendMessage sends to it. Producers: "
                            + "the user's PSID when CamelMessengerSenderId is absent.",
              javaType = "String")
    public static final String RECIPIENT_ID = MessengerConstants.RECIPIENT_ID;
    @Metadata(description = "store: the opt-in payload, stored with the token (and the topic when none is given). "
                            + "broadcast: the payload stored with the token.",
              javaType = "String")
    public static final String OPTIN_PAYLOAD = MessengerConstants.OPTIN_PAYLOAD;
    @Metadata(description = "Producers: the time of the user's event in milliseconds since the epoch (a Long, as the "
                            + "webhook consumer sets it; an Instant, Date or ISO-8601 text also works). store: the "
                            + "opt-in time (default now); every producer records it as the contact's last inbound "
                            + "time.",
              javaType = "Long", label = "producer")
    public static final String TIMESTAMP = MessengerConstants.TIMESTAMP;

    // ----- own headers

    @Metadata(description = "The topic: store reads it before the topic option and the opt-in payload; the consumers "
                            + "set it.",
              javaType = "String")
    public static final String OTN_TOPIC = "CamelMessengerOtnTopic";
    @Metadata(description = "The contact's attributes (e.g. email, phone) as a read-only Map sorted by name: set by "
                            + "getAttributes and by both consumers; empty when the contact has none.",
              javaType = "java.util.Map<String, String>")
    public static final String OTN_ATTRIBUTES = "CamelMessengerOtnAttributes";
    @Metadata(description = "setAttribute: the attribute name; overrides the name option.", javaType = "String",
              label = "producer")
    public static final String OTN_ATTRIBUTE_NAME = "CamelMessengerOtnAttributeName";
    @Metadata(description = "store: true if the token was new, false if it was stored before (a redelivered "
                            + "webhook); a stored token is never reset.",
              javaType = "Boolean", label = "producer")
    public static final String OTN_STORED = "CamelMessengerOtnStored";
    @Metadata(description = "store and broadcast: when the token expires (one year after the opt-in); it is never "
                            + "sent after that.",
              javaType = "java.time.Instant")
    public static final String OTN_EXPIRES_AT = "CamelMessengerOtnExpiresAt";
    @Metadata(description = "notify: true when the user held a valid token of the topic, now set in "
                            + "CamelMessengerOneTimeNotifToken for the following messenger send; false when not (the "
                            + "route can fall back to mail or SMS for this user).",
              javaType = "Boolean", label = "producer")
    public static final String OTN_TOKEN_FOUND = "CamelMessengerOtnTokenFound";
    @Metadata(description = "revoke: how many valid tokens of the topic the user held and are now retired.",
              javaType = "Integer", label = "producer")
    public static final String OTN_REVOKED = "CamelMessengerOtnRevoked";
    @Metadata(description = "withoutToken: the contact's last inbound message time, when known: within 24 hours the "
                            + "contact can still be messaged on Messenger without a token.",
              javaType = "java.time.Instant", label = "consumer")
    public static final String OTN_LAST_INBOUND = "CamelMessengerOtnLastInbound";

    private MessengerOtnConstants() {
    }
}
