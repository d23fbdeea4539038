package io.github.camelmessenger.internal.validation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Messenger Platform limits and allowed values enforced by {@link SendApiValidator}, each in exactly one place.
 * <p>
 * Lengths are counted in Java {@code char}s (UTF-16 code units, {@link String#length()}): the platform documents
 * "characters" without saying how they are counted, and counting code units errs on the safe side for characters
 * outside the Basic Multilingual Plane (an emoji counts as 2), so a request that passes here is not cut short there.
 */
public final class PlatformLimits {

    // --- message ---
    /** {@code message.text}. */
    public static final int TEXT_MAX_LENGTH = 2000;
    /** {@code message.metadata}. */
    public static final int METADATA_MAX_LENGTH = 1000;
    /** {@code message.attachments} (images only). */
    public static final int ATTACHMENTS_MAX = 30;
    /** Largest file an attachment may carry: 25 MB. */
    public static final int ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

    // --- quick replies ---
    public static final int QUICK_REPLIES_MAX = 13;
    public static final int QUICK_REPLY_TITLE_MAX_LENGTH = 20;
    public static final int QUICK_REPLY_PAYLOAD_MAX_LENGTH = 1000;

    // --- templates ---
    public static final int BUTTON_TEMPLATE_TEXT_MAX_LENGTH = 640;
    public static final int BUTTON_TEMPLATE_BUTTONS_MAX = 3;
    public static final int GENERIC_ELEMENTS_MAX = 10;
    public static final int GENERIC_TITLE_MAX_LENGTH = 80;
    public static final int GENERIC_SUBTITLE_MAX_LENGTH = 80;
    public static final int GENERIC_BUTTONS_MAX = 3;
    public static final int MEDIA_ELEMENTS = 1;
    public static final int MEDIA_BUTTONS_MAX = 1;
    public static final int ONE_TIME_NOTIF_TITLE_MAX_LENGTH = 65;
    /** Metadata passed with thread control: the platform documents no limit; 1000 like message metadata. */
    public static final int THREAD_CONTROL_METADATA_MAX_LENGTH = 1000;
    /** extend_thread_control: at most 7 days, in seconds. */
    public static final long EXTEND_THREAD_CONTROL_MAX_SECONDS = 7L * 24 * 60 * 60;
    /** The Page Inbox app: sendToInbox passes control to it. */
    public static final String PAGE_INBOX_APP_ID = "263902037430900";

    // --- buttons ---
    /** Title of {@code web_url}, {@code postback} and {@code phone_number} buttons. */
    public static final int BUTTON_TITLE_MAX_LENGTH = 20;
    public static final int POSTBACK_PAYLOAD_MAX_LENGTH = 1000;
    /** {@code +}, country code and number (E.164 without separators), e.g. {@code +16505551234}. */
    public static final Pattern PHONE_NUMBER = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    // --- allowed values (in the order shown in error messages) ---
    public static final List<String> RECIPIENT_IDENTIFIERS = List.of("id", "user_ref", "comment_id", "post_id",
            "one_time_notif_token", "notification_messages_token");
    /** Recipient identifiers that are credentials of a kind: never shown in error messages. */
    public static final List<String> SECRET_RECIPIENT_IDENTIFIERS
            = List.of("one_time_notif_token", "notification_messages_token");
    public static final List<String> MESSAGING_TYPES = List.of("RESPONSE", "UPDATE", "MESSAGE_TAG");
    public static final String MESSAGING_TYPE_MESSAGE_TAG = "MESSAGE_TAG";
    public static final List<String> NOTIFICATION_TYPES = List.of("REGULAR", "SILENT_PUSH", "NO_PUSH");
    public static final List<String> SENDER_ACTIONS = List.of("typing_on", "typing_off", "mark_seen", "react", "unreact");
    public static final List<String> THREAD_CONTROL_TYPES = List.of("pass", "release");

    /** Tags the platform still accepts. */
    public static final List<String> ACTIVE_TAGS = List.of("HUMAN_AGENT", "CUSTOMER_FEEDBACK");
    /** Rejected by the platform with error 100 since 27 April 2026. */
    public static final List<String> TAGS_RETIRED_2026
            = List.of("CONFIRMED_EVENT_UPDATE", "ACCOUNT_UPDATE", "POST_PURCHASE_UPDATE");
    /** Retired on 4 March 2020. */
    public static final List<String> TAGS_RETIRED_2020 = List.of("SHIPPING_UPDATE", "RESERVATION_UPDATE",
            "ISSUE_RESOLUTION", "APPOINTMENT_UPDATE", "GAME_EVENT", "TRANSPORTATION_UPDATE",
            "FEATURE_FUNCTIONALITY_UPDATE", "TICKET_UPDATE", "PAYMENT_UPDATE", "PERSONAL_FINANCE_UPDATE",
            "PAIRING_UPDATE", "APPLICATION_UPDATE", "COMMUNITY_ALERT", "CONFIRMED_EVENT_REMINDER");
    /** What to use instead of a retired tag. */
    public static final String RETIRED_TAG_ADVICE = "use HUMAN_AGENT for replies written by a human within 7 days of "
                                                   + "the user's last message, a One-Time Notification for a single "
                                                   + "follow-up the user asked for, or utility messages for "
                                                   + "transactional updates";

    public static final List<String> ATTACHMENT_TYPES = List.of("image", "audio", "video", "file", "template");
    /** Attachment types that carry a file (everything but {@code template}). */
    public static final List<String> MEDIA_ATTACHMENT_TYPES = List.of("image", "audio", "video", "file");
    /** The only type allowed in {@code message.attachments}. */
    public static final String MULTI_ATTACHMENT_TYPE = "image";

    public static final List<String> QUICK_REPLY_CONTENT_TYPES = List.of("text", "user_email", "user_phone_number");

    public static final String TEMPLATE_BUTTON = "button";
    public static final String TEMPLATE_GENERIC = "generic";
    public static final String TEMPLATE_MEDIA = "media";
    public static final String TEMPLATE_ONE_TIME_NOTIF_REQ = "one_time_notif_req";

    public static final List<String> IMAGE_ASPECT_RATIOS = List.of("horizontal", "square");
    public static final List<String> MEDIA_TYPES = List.of("image", "video");
    /**
     * Hosts (and their subdomains) accepted as the {@code url} of a media template element; anything else must be
     * uploaded first.
     */
    public static final List<String> FACEBOOK_HOSTS = List.of("facebook.com", "fb.com", "fb.watch");

    public static final List<String> BUTTON_TYPES = List.of("web_url", "postback", "phone_number", "account_link",
            "account_unlink", "game_play", "audio_call");
    /** Button types whose {@code title} is required and limited to {@link #BUTTON_TITLE_MAX_LENGTH}. */
    public static final List<String> TITLED_BUTTON_TYPES = List.of("web_url", "postback", "phone_number");
    /** A generic template element's {@code default_action} is a URL button without a title. */
    public static final List<String> DEFAULT_ACTION_TYPES = List.of("web_url");
    public static final List<String> WEBVIEW_HEIGHT_RATIOS = List.of("compact", "tall", "full");

    private PlatformLimits() {
    }
}
