package io.github.camelmessenger;

import org.apache.camel.spi.Metadata;

/** The headers the messenger component reads and writes. */
public final class MessengerConstants {

    public static final String PLATFORM_FACEBOOK_MESSENGER = "facebook-messenger";

    /**
     * Exchange property, not a header: the one-time notification tokens this exchange has already sent with (a
     * {@code Set<String>}); the OTN broadcast reads it to tell a token that was spent from one that was not.
     */
    public static final String ONE_TIME_NOTIF_TOKENS_SPENT = "CamelMessengerOneTimeNotifTokensSpent";

    // ----- common to producer and consumer

    @Metadata(description = "The operation to perform; overrides the one in the endpoint URI.",
              javaType = "io.github.camelmessenger.MessengerOperation", label = "producer")
    public static final String OPERATION = "CamelMessengerOperation";
    @Metadata(description = "The Facebook Page the event belongs to (consumer), or the Page to send as (producer): "
                            + "picks the Page access token when several Pages are configured.",
              javaType = "String")
    public static final String PAGE_ID = "CamelMessengerPageId";
    @Metadata(description = "The page-scoped id (PSID) of the user who sent the event. The producer answers this "
                            + "user when CamelMessengerRecipientId is absent.",
              javaType = "String")
    public static final String SENDER_ID = "CamelMessengerSenderId";
    @Metadata(description = "The message id (mid): of the message sent (producer) or received (consumer).",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelMessengerMessageId";

    @Metadata(description = "A comment on a Page post: the comment event's comment (consumer); on a send, addresses "
                            + "a private reply to that comment (one per comment, within 7 days of it). Wins over "
                            + "CamelMessengerSenderId, not over CamelMessengerRecipientId.",
              javaType = "String")
    public static final String COMMENT_ID = "CamelMessengerCommentId";
    @Metadata(description = "The post a comment event belongs to (consumer); on a send without "
                            + "CamelMessengerCommentId, addresses a private reply to that visitor post (one per post, "
                            + "within 7 days of it).",
              javaType = "String")
    public static final String POST_ID = "CamelMessengerPostId";
    @Metadata(description = "When the comment (or post) was made, in milliseconds since the epoch: set on comment "
                            + "events; a private reply later than 7 days after it is refused before any call.",
              javaType = "Long")
    public static final String COMMENT_TIME = "CamelMessengerCommentTime";

    // ----- producer

    @Metadata(description = "The page-scoped id (PSID) of the user to send to. Falls back to CamelMessengerSenderId.",
              javaType = "String", label = "producer")
    public static final String RECIPIENT_ID = "CamelMessengerRecipientId";
    @Metadata(description = "The Send API messaging_type: RESPONSE, UPDATE or MESSAGE_TAG.", javaType = "String",
              label = "producer", enums = "RESPONSE,UPDATE,MESSAGE_TAG")
    public static final String MESSAGING_TYPE = "CamelMessengerMessagingType";
    @Metadata(description = "The message tag (with messaging_type MESSAGE_TAG), e.g. HUMAN_AGENT. Tags retired by "
                            + "the platform are rejected.",
              javaType = "String", label = "producer")
    public static final String TAG = "CamelMessengerTag";
    @Metadata(description = "The push notification type: REGULAR, SILENT_PUSH or NO_PUSH.", javaType = "String",
              label = "producer", enums = "REGULAR,SILENT_PUSH,NO_PUSH")
    public static final String NOTIFICATION_TYPE = "CamelMessengerNotificationType";
    @Metadata(description = "The persona to send as.", javaType = "String", label = "producer")
    public static final String PERSONA_ID = "CamelMessengerPersonaId";
    @Metadata(description = "getUserProfile: the user's first name.", javaType = "String", label = "producer")
    public static final String USER_FIRST_NAME = "CamelMessengerUserFirstName";
    @Metadata(description = "getUserProfile: the user's last name.", javaType = "String", label = "producer")
    public static final String USER_LAST_NAME = "CamelMessengerUserLastName";
    @Metadata(description = "getUserProfile: the user's locale (with the permission), e.g. en_US.", javaType = "String",
              label = "producer")
    public static final String USER_LOCALE = "CamelMessengerUserLocale";
    @Metadata(description = "getUserProfile: the user's time zone in hours from UTC (with the permission).",
              javaType = "Double", label = "producer")
    public static final String USER_TIMEZONE = "CamelMessengerUserTimezone";
    @Metadata(description = "getUserProfile: the user's profile picture URL.", javaType = "String", label = "producer")
    public static final String USER_PROFILE_PIC = "CamelMessengerUserProfilePic";
    @Metadata(description = "Quick replies in shorthand: a List, or a String with one entry per line. Entries: "
                            + "Label (payload = label), Label=payload, user_email, user_phone_number, "
                            + "Label [https://icon.url].",
              javaType = "Object", label = "producer")
    public static final String QUICK_REPLIES = "CamelMessengerQuickReplies";
    @Metadata(description = "Buttons in shorthand: a List, or a String with one entry per line. Label=value where "
                            + "value is a URL (web link), phone_number:+15551234567 (call), account_link:https://... "
                            + "(log in), or a postback payload; the label account_unlink makes a log-out button.",
              javaType = "Object", label = "producer")
    public static final String BUTTONS = "CamelMessengerButtons";
    @Metadata(description = "The attachment id: set by uploadAttachment and by sendAttachment with reusable=true; "
                            + "read by sendAttachment and sendMediaTemplate when the body carries no media.",
              javaType = "String")
    public static final String ATTACHMENT_ID = "CamelMessengerAttachmentId";
    @Metadata(description = "The attachment type: image, audio, video or file.", javaType = "String",
              label = "producer", enums = "image,audio,video,file")
    public static final String ATTACHMENT_TYPE = "CamelMessengerAttachmentType";
    @Metadata(description = "Whether the platform should keep the attachment for reuse (sendAttachment).",
              javaType = "Boolean", label = "producer")
    public static final String REUSABLE = "CamelMessengerReusable";
    @Metadata(description = "The sender action: typing_on, typing_off, mark_seen, react or unreact.",
              javaType = "String", label = "producer", enums = "typing_on,typing_off,mark_seen,react,unreact")
    public static final String SENDER_ACTION = "CamelMessengerSenderAction";
    @Metadata(description = "Title of a generic template card, or of a one-time notification request (up to 65 "
                            + "characters).",
              javaType = "String", label = "producer")
    public static final String TITLE = "CamelMessengerTitle";
    @Metadata(description = "Subtitle of a generic template card.", javaType = "String", label = "producer")
    public static final String SUBTITLE = "CamelMessengerSubtitle";
    @Metadata(description = "Image URL of a generic template card.", javaType = "String", label = "producer")
    public static final String IMAGE_URL = "CamelMessengerImageUrl";
    @Metadata(description = "URL opened when a generic template card itself is tapped.", javaType = "String",
              label = "producer")
    public static final String DEFAULT_ACTION_URL = "CamelMessengerDefaultActionUrl";
    @Metadata(description = "Generic template: the image aspect ratio, horizontal or square.", javaType = "String",
              label = "producer", enums = "horizontal,square")
    public static final String IMAGE_ASPECT_RATIO = "CamelMessengerImageAspectRatio";
    @Metadata(description = "Templates: whether to show the native share button.", javaType = "Boolean",
              label = "producer")
    public static final String SHARABLE = "CamelMessengerSharable";
    @Metadata(description = "sendOneTimeNotificationRequest: the payload the opt-in will carry back (required).",
              javaType = "String", label = "producer")
    public static final String PAYLOAD = "CamelMessengerPayload";
    @Metadata(description = "Media type of a media template: image or video.", javaType = "String",
              label = "producer", enums = "image,video")
    public static final String MEDIA_TYPE = "CamelMessengerMediaType";
    @Metadata(description = "The message metadata, echoed back in the message_echoes webhook.", javaType = "String",
              label = "producer")
    public static final String METADATA = "CamelMessengerMetadata";
    @Metadata(description = "Graph API path (relative to the API version) for sendCustomRequest; default: the "
                            + "Page's messages edge.",
              javaType = "String", label = "producer")
    public static final String GRAPH_PATH = "CamelMessengerGraphPath";
    @Metadata(description = "The recipient id the platform returned for a send.", javaType = "String",
              label = "producer")
    public static final String RESPONSE_RECIPIENT_ID = "CamelMessengerResponseRecipientId";

    @Metadata(description = "giveThreadControl: the app to pass the conversation to; with CamelMessengerThreadControl "
                            + "pass on a send, the app that gets control after the message.",
              javaType = "String", label = "producer")
    public static final String TARGET_APP_ID = "CamelMessengerTargetAppId";
    @Metadata(description = "On a send: pass or release thread control after this message (Send API thread_control).",
              javaType = "String", label = "producer", enums = "pass,release")
    public static final String THREAD_CONTROL = "CamelMessengerThreadControl";
    @Metadata(description = "extendThreadControl: how long to extend control, up to 7 days (a java.time.Duration, an "
                            + "ISO-8601 text such as PT48H, or a number of seconds).",
              javaType = "java.time.Duration", label = "producer")
    public static final String DURATION = "CamelMessengerDuration";
    @Metadata(description = "getThreadOwner: the app id that owns the conversation (absent when the thread is idle).",
              javaType = "String", label = "producer")
    public static final String THREAD_OWNER_APP_ID = "CamelMessengerThreadOwnerAppId";
    @Metadata(description = "getThreadOwner: when the owner's control expires (epoch seconds), when the platform "
                            + "says so.",
              javaType = "Long", label = "producer")
    public static final String THREAD_CONTROL_EXPIRATION = "CamelMessengerThreadControlExpiration";

    @Metadata(description = "waitForResponse: the step the user's next input answers; on the consumer's exchange of "
                            + "that input (or of the wait's expiry), the step it answers.",
              javaType = "String")
    public static final String WAIT_STEP = "CamelMessengerWaitStep";
    @Metadata(description = "waitForResponse: how long the wait lasts (a java.time.Duration, an ISO-8601 text such as "
                            + "PT30M, or milliseconds).",
              javaType = "java.time.Duration", label = "producer")
    public static final String WAIT_TIMEOUT = "CamelMessengerWaitTimeout";

    // ----- consumer

    @Metadata(description = "The channel of the event: always facebook-messenger, so flows shared across channels "
                            + "can filter on it.",
              javaType = "String", label = "consumer")
    public static final String PLATFORM = "CamelMessengerPlatform";
    @Metadata(description = "The event time, in milliseconds since the epoch.", javaType = "Long", label = "consumer")
    public static final String TIMESTAMP = "CamelMessengerTimestamp";
    @Metadata(description = "The kind of event: message, quick_reply, postback, optin, one_time_notif_optin, "
                            + "referral, delivery, read, reaction, echo, account_linking, pass_thread_control, "
                            + "take_thread_control, request_thread_control, app_roles, comment or unknown.",
              javaType = "String", label = "consumer")
    public static final String EVENT_TYPE = "CamelMessengerEventType";
    @Metadata(description = "The text of a received message.", javaType = "String", label = "consumer")
    public static final String TEXT = "CamelMessengerText";
    @Metadata(description = "The payload of a tapped quick reply.", javaType = "String", label = "consumer")
    public static final String QUICK_REPLY_PAYLOAD = "CamelMessengerQuickReplyPayload";
    @Metadata(description = "The payload of a postback (absent on the standby channel).", javaType = "String",
              label = "consumer")
    public static final String POSTBACK_PAYLOAD = "CamelMessengerPostbackPayload";
    @Metadata(description = "True for events of the standby channel (another app owns the thread).",
              javaType = "Boolean", label = "consumer")
    public static final String STANDBY = "CamelMessengerStandby";
    @Metadata(description = "The attachments of a received message: a List of Maps with type, url and the "
                            + "attachment's other payload fields.",
              javaType = "java.util.List", label = "consumer")
    public static final String ATTACHMENTS = "CamelMessengerAttachments";
    @Metadata(description = "The one-time notification token of an opt-in (consumer); on a send, addresses the "
                            + "message to that token instead of a PSID (one message per token: a second send with the "
                            + "same token from the same exchange fails before any call).",
              javaType = "String")
    public static final String ONE_TIME_NOTIF_TOKEN = "CamelMessengerOneTimeNotifToken";
    @Metadata(description = "The payload of an opt-in.", javaType = "String", label = "consumer")
    public static final String OPTIN_PAYLOAD = "CamelMessengerOptinPayload";

    private MessengerConstants() {
    }
}
