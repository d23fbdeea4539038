package io.github.camelmessenger;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.webhook.inbox.WebhookInbox;
import io.vertx.core.Vertx;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a messenger endpoint. The component holds one instance whose copy every endpoint starts from, so
 * each option can also be set once on the component ({@code camel.component.messenger.pageAccessToken=...}).
 */
@UriParams
public class MessengerConfiguration implements Cloneable {

    // ----- security

    @UriParam(label = "security", secret = true,
              description = "The Page access token used for every call, unless a per-Page token applies.")
    private String pageAccessToken;
    @UriParam(label = "security", secret = true, prefix = "pageAccessToken.", multiValue = true,
              description = "Page access tokens per Page id, for bots serving several Pages: the token is picked by "
                            + "header CamelMessengerPageId (set by the webhook consumer). In a URI: "
                            + "pageAccessToken.PAGEID=TOKEN.")
    private Map<String, String> pageAccessTokens = new LinkedHashMap<>();
    @UriParam(label = "security,advanced",
              description = "A resolver bean that picks the Page access token by Page id; asked before "
                            + "pageAccessTokens and pageAccessToken.")
    private MessengerPageTokenResolver tokenResolver;
    @UriParam(label = "security", secret = true,
              description = "The app secret. Producer: adds appsecret_proof to every Graph API call. Consumer: "
                            + "verifies the X-Hub-Signature-256 of every webhook delivery.")
    private String appSecret;

    // ----- producer: message options

    @UriParam(label = "producer", enums = "RESPONSE,UPDATE,MESSAGE_TAG",
              description = "The Send API messaging_type. Default: RESPONSE, or MESSAGE_TAG when a tag is set.")
    private String messagingType;
    @UriParam(label = "producer", enums = "HUMAN_AGENT,CUSTOMER_FEEDBACK",
              description = "The message tag (with messaging_type MESSAGE_TAG), e.g. HUMAN_AGENT. Tags the "
                            + "platform has retired are rejected.")
    private String tag;
    @UriParam(label = "producer", enums = "REGULAR,SILENT_PUSH,NO_PUSH",
              description = "The push notification type of sent messages.")
    private String notificationType;
    @UriParam(label = "producer", description = "The persona to send as (also the persona getPersona and "
                                                + "deletePersona act on).")
    private String personaId;
    @UriParam(label = "producer", defaultValue = "first_name,last_name,profile_pic",
              description = "getUserProfile: the profile fields to read, comma separated: first_name, last_name, "
                            + "profile_pic, and with the matching permissions locale, timezone, gender.")
    private String fields = "first_name,last_name,profile_pic";
    @UriParam(label = "producer", defaultValue = "3600000", javaType = "java.time.Duration",
              description = "getUserProfile: how long a profile is kept per Page and user before it is read again; "
                            + "0 reads it every time.")
    private long userProfileCacheTtl = 3600000;
    @UriParam(label = "producer", description = "setMessengerProfile: the Get Started button's payload.")
    private String getStarted;
    @UriParam(label = "producer",
              description = "setMessengerProfile: the greeting (default locale), up to 160 characters; "
                            + "{{user_first_name}} and the like are filled in by the platform.")
    private String greeting;
    @UriParam(label = "producer",
              description = "setMessengerProfile: the persistent menu (default locale) in shorthand, comma separated: "
                            + "Label=https://... (web link) or Label=PAYLOAD (postback).")
    private String persistentMenu;
    @UriParam(label = "producer", defaultValue = "false",
              description = "setMessengerProfile: whether the persistent menu replaces the composer.")
    private boolean composerInputDisabled;
    @UriParam(label = "producer",
              description = "setMessengerProfile: ice breakers (default locale), comma separated Question=PAYLOAD; "
                            + "up to 4.")
    private String iceBreakers;
    @UriParam(label = "producer",
              description = "setMessengerProfile: whitelisted domains, comma separated https:// URLs.")
    private String whitelistedDomains;
    @UriParam(label = "producer",
              description = "getMessengerProfile / deleteMessengerProfile: the profile fields, comma separated "
                            + "(get_started, greeting, persistent_menu, ice_breakers, whitelisted_domains, "
                            + "account_linking_url). getMessengerProfile default: all.")
    private String profileFields;
    @UriParam(label = "producer", description = "createPersona: the persona's name, when the body does not give it.")
    private String personaName;
    @UriParam(label = "producer",
              description = "createPersona: the persona's profile picture URL, when the body does not give it.")
    private String personaPictureUrl;
    @UriParam(label = "producer", defaultValue = "messages,messaging_postbacks,messaging_optins,messaging_handovers,standby",
              description = "subscribeApp: the Page webhook fields to subscribe the app to, comma separated.")
    private String subscribedFields = "messages,messaging_postbacks,messaging_optins,messaging_handovers,standby";
    @UriParam(label = "producer",
              description = "Quick replies in shorthand, comma separated: Label (payload = label), Label=payload, "
                            + "user_email, user_phone_number, Label [https://icon.url]. Up to 13.")
    private String quickReplies;
    @UriParam(label = "producer",
              description = "Buttons in shorthand, comma separated: Label=https://... (web link), "
                            + "Label=phone_number:+15551234567 (call), Label=account_link:https://... (log in), "
                            + "account_unlink (log out), Label=payload or Label (postback).")
    private String buttons;
    @UriParam(label = "producer", enums = "image,audio,video,file", defaultValue = "image",
              description = "The attachment type for sendAttachment and uploadAttachment.")
    private String attachmentType = "image";
    @UriParam(label = "producer",
              description = "sendAttachment: ask the platform to keep the file; its id is put in header "
                            + "CamelMessengerAttachmentId.")
    private boolean reusable;
    @UriParam(label = "producer", enums = "typing_on,typing_off,mark_seen,react,unreact",
              description = "The sender action for sendSenderAction, when the body does not name one.")
    private String senderAction;
    @UriParam(label = "producer",
              description = "Generic template: the card title, when the body does not carry it; "
                            + "sendOneTimeNotificationRequest: the request title (up to 65 characters).")
    private String title;
    @UriParam(label = "producer",
              description = "sendOneTimeNotificationRequest: the payload the opt-in carries back, e.g. the topic.")
    private String payload;
    @UriParam(label = "producer", description = "Generic template: the card subtitle.")
    private String subtitle;
    @UriParam(label = "producer", description = "Generic template: the card image URL.")
    private String imageUrl;
    @UriParam(label = "producer", description = "Generic template: URL opened when the card itself is tapped.")
    private String defaultActionUrl;
    @UriParam(label = "producer", enums = "horizontal,square",
              description = "Generic template: the image aspect ratio.")
    private String imageAspectRatio;
    @UriParam(label = "producer", description = "Templates: show the native share button.")
    private boolean sharable;
    @UriParam(label = "producer", enums = "image,video", defaultValue = "image",
              description = "Media template: the media type.")
    private String mediaType = "image";
    @UriParam(label = "producer",
              description = "The message metadata (up to 1000 characters), echoed back in message_echoes events; for the "
                            + "thread control operations, the metadata passed along with control.")
    private String metadata;

    @UriParam(label = "producer",
              description = "giveThreadControl: the app id to pass the conversation to; on sends with threadControl=pass, "
                            + "the app that gets control after the message.")
    private String targetAppId;
    @UriParam(label = "producer", enums = "pass,release",
              description = "On sends: pass or release thread control after the message (Send API thread_control).")
    private String threadControl;
    @UriParam(label = "producer", javaType = "java.time.Duration",
              description = "extendThreadControl: how long to extend control (up to 7 days), e.g. PT48H.")
    private long duration;

    @UriParam(label = "producer",
              description = "The Page id to use when header CamelMessengerPageId is absent (bots of a single Page).")
    private String pageId;
    @UriParam(label = "producer", description = "waitForResponse: the step the user's next input answers.")
    private String step;
    @UriParam(label = "producer", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "waitForResponse: how long to wait for the answer, e.g. PT30M; an unanswered wait produces "
                            + "one wait_expired exchange from the webhook consumer.")
    private long timeout = 1800000;
    @UriParam(label = "producer", enums = "reject,ignore", defaultValue = "reject",
              description = "reject: a send to a user whose last known message is outside the 24-hour window (7 days "
                            + "with HUMAN_AGENT) fails with MessengerWindowClosedException before any call, unless it "
                            + "uses a one-time notification token; users never seen are sent to. ignore: always send.")
    private String windowPolicy = "reject";
    @UriParam(label = "advanced",
              description = "Where waits and each user's last inbound time live, shared by the producer, the "
                            + "webhook consumer and messenger-otn: in memory by default (on messenger-otn's database "
                            + "when messenger-otn keeps its tokens in one), or a JdbcConversationStateRepository bean "
                            + "for state that survives restarts and is shared by several nodes.")
    private ConversationStateRepository stateRepository;

    // ----- producer: HTTP, retries, rate limit

    @UriParam(label = "advanced", defaultValue = "https://graph.facebook.com",
              description = "The Graph API base URI.")
    private String baseUri = "https://graph.facebook.com";
    @UriParam(label = "advanced", defaultValue = "v25.0", description = "The Graph API version.")
    private String apiVersion = "v25.0";
    @UriParam(label = "producer", defaultValue = "3",
              description = "How many times a call that certainly did not reach the platform (no connection, "
                            + "refused) or that the platform answered as temporary (codes 1200, 2, rate limits, HTTP "
                            + "5xx with a Graph API error) is retried, with exponential backoff and jitter. A call "
                            + "that may have reached it is not retried unless retryAmbiguous is set.")
    private int maxRetries = 3;
    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Whether a call that may have reached the platform (the request was written, then the "
                            + "connection failed, no answer came in time, or a proxy answered 502/504) is retried "
                            + "like a transient error. The Send API has no idempotency key: a retry may deliver the "
                            + "message twice. Off: such a call fails with MessengerAmbiguousSendException.")
    private boolean retryAmbiguous;
    @UriParam(label = "producer,advanced", defaultValue = "120000", javaType = "java.time.Duration",
              description = "The longest a whole call may take, pacing, attempts and retry delays included; 0 for "
                            + "no limit. A call past it fails (with MessengerAmbiguousSendException when its request "
                            + "was written).")
    private long callTimeout = 120000;
    @UriParam(label = "producer,advanced", defaultValue = "500", javaType = "java.time.Duration",
              description = "The first retry delay; doubled on each further retry.")
    private long retryDelay = 500;
    @UriParam(label = "producer,advanced", defaultValue = "5000", javaType = "java.time.Duration",
              description = "The first retry delay after a rate-limit error (codes 4, 17, 32, 341, 613).")
    private long rateLimitRetryDelay = 5000;
    @UriParam(label = "producer,advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "The longest delay between two retries.")
    private long maxRetryDelay = 60000;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Whether sends are paced per Page at rateLimit / mediaRateLimit calls per second, so a "
                            + "broadcast does not trip the platform's rate limits. Pacing never blocks a thread.")
    private boolean rateLimitEnabled = true;
    @UriParam(label = "producer", defaultValue = "300",
              description = "Send API calls per second and Page (the platform's documented limit for text).")
    private int rateLimit = 300;
    @UriParam(label = "producer", defaultValue = "10",
              description = "Send API calls per second and Page that carry audio or video (the platform's "
                            + "documented limit).")
    private int mediaRateLimit = 10;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration",
              description = "HTTP connect timeout.")
    private long connectTimeout = 10000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long a call may wait for the Graph API to answer (idle time on the connection) before it "
                            + "fails as a transient error.")
    private long requestTimeout = 60000;
    @UriParam(label = "proxy", description = "The host of an HTTP proxy the Graph API calls go through.")
    private String proxyHost;
    @UriParam(label = "proxy", defaultValue = "3128", description = "The port of the HTTP proxy.")
    private int proxyPort = 3128;
    @UriParam(label = "proxy,security", secret = true, description = "The user name for the HTTP proxy.")
    private String proxyUsername;
    @UriParam(label = "proxy,security", secret = true, description = "The password for the HTTP proxy.")
    private String proxyPassword;
    @UriParam(label = "security",
              description = "TLS for the Graph API calls (trust store, key store, protocols), as Camel's other HTTP "
                            + "components take it. Default: the JVM's trust store.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "security,advanced", defaultValue = "false",
              description = "Whether a plain http:// baseUri on another host than the loopback is accepted. The "
                            + "Page token would travel in clear: only for a trusted network.")
    private boolean allowInsecureBaseUri;
    @UriParam(label = "producer,advanced", defaultValue = "60000", javaType = "java.time.Duration",
              description = "How long the readiness check keeps the Graph API's answer about the Page token, so "
                            + "that probes do not turn into Graph API traffic.")
    private long healthCheckCacheTime = 60000;
    @UriParam(label = "producer,advanced", defaultValue = "true",
              description = "Whether sends are checked against the platform's documented limits (lengths, counts, URL "
                            + "and phone formats, retired tags) before any HTTP call. Turn it off when Meta has raised "
                            + "a limit this release does not know yet; the risk: input the platform refuses then "
                            + "costs a call and comes back as a MessengerApiException (code 100) instead of a "
                            + "MessengerValidationException naming the field, and an OTN broadcast retires the "
                            + "tokens such sends were for.")
    private boolean validateLimits = true;
    @UriParam(label = "producer,advanced", defaultValue = "10000",
              description = "The most sends that may wait for a Page's rate limit (per Page), and for a free "
                            + "connection; a send beyond is refused at once with a MessengerException instead of "
                            + "queueing without bound. 0 for no limit.")
    private int maxQueuedSends = 10000;
    @UriParam(label = "advanced", defaultValue = "100",
              description = "The most HTTP connections kept open to the Graph API.")
    private int maxConnections = 100;
    @UriParam(label = "advanced",
              description = "The Vert.x instance for HTTP calls. Default: the single Vertx in the registry (e.g. "
                            + "platform-http's), else one the component creates and closes.")
    private Vertx vertx;

    // ----- consumer

    @UriParam(label = "consumer", secret = true,
              description = "The verify token the webhook subscription handshake must present.")
    private String verifyToken;
    @UriParam(label = "consumer", defaultValue = "/messenger/webhook", description = "The HTTP path of the webhook.")
    private String webhookPath = "/messenger/webhook";
    @UriParam(label = "consumer,security",
              description = "Accept webhook deliveries without signature check when no appSecret is set (a warning "
                            + "is logged at start).")
    private boolean allowUnsigned;
    @UriParam(label = "consumer", defaultValue = "1048576",
              description = "The largest webhook body accepted, in bytes; larger ones are answered 413.")
    private int maxBodySize = 1048576;
    @UriParam(label = "consumer",
              description = "Comma separated event types to emit (default: all but echo, delivery and read).")
    private String eventTypes;
    @UriParam(label = "consumer", defaultValue = "1000", javaType = "java.time.Duration",
              description = "How often the consumer looks for waits (waitForResponse) that expired, each producing one "
                            + "wait_expired exchange.")
    private long waitExpiryInterval = 1000;
    @UriParam(label = "consumer,advanced",
              description = "Drops events already processed (key: message mid, or sender, timestamp and kind).")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer", defaultValue = "4000", javaType = "java.time.Duration",
              description = "Without an inbox: the longest a delivery may take before it is answered 500, so that "
                            + "the platform (which waits 5 seconds) delivers it again; events not started by then "
                            + "are left to that redelivery. Keep it below 5 seconds.")
    private long deliveryTimeout = 4000;

    // ----- consumer: durable inbox (webhook)

    @UriParam(label = "consumer,inbox",
              description = "A durable inbox (e.g. a io.github.camelmessenger.webhook.inbox.JdbcWebhookInbox bean): "
                            + "each delivery is committed to it and answered at once, and workers run the events "
                            + "through the route with redelivery. Without it a delivery is answered after the route.")
    private WebhookInbox inbox;
    @UriParam(label = "consumer,inbox", defaultValue = "4",
              description = "Inbox: how many events this node runs through the route at the same time.")
    private int inboxConcurrency = 4;
    @UriParam(label = "consumer,inbox", defaultValue = "500", javaType = "java.time.Duration",
              description = "Inbox: how often an idle node looks for due events (stored by another node, or due "
                            + "for redelivery). Events this node stores are picked up at once.")
    private long inboxPollDelay = 500;
    @UriParam(label = "consumer,inbox", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Inbox: how long a node's claim on an event lasts; renewed while the route runs, so "
                            + "only a node that died loses its events to another node (after this time).")
    private long inboxLeaseTime = 60000;
    @UriParam(label = "consumer,inbox", defaultValue = "300000", javaType = "java.time.Duration",
              description = "Inbox: the longest an event may run; past it its claim is no longer renewed and the event "
                            + "counts as failed (redelivered later, or dead-lettered), so a hung route cannot hold a "
                            + "conversation forever.")
    private long inboxEventTimeout = 300000;
    @UriParam(label = "consumer,inbox", defaultValue = "3",
              description = "Inbox: how many times a failed event is run again before it is dead-lettered.")
    private int maximumRedeliveries = 3;
    @UriParam(label = "consumer,inbox", defaultValue = "1000", javaType = "java.time.Duration",
              description = "Inbox: the delay before the first redelivery.")
    private long redeliveryDelay = 1000;
    @UriParam(label = "consumer,inbox", defaultValue = "2.0",
              description = "Inbox: each further redelivery waits this many times longer than the previous one.")
    private double backOffMultiplier = 2.0;
    @UriParam(label = "consumer,inbox", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Inbox: the longest delay between two redeliveries.")
    private long maximumRedeliveryDelay = 60000;

    public MessengerConfiguration copy() {
        try {
            MessengerConfiguration copy = (MessengerConfiguration) clone();
            copy.pageAccessTokens = new LinkedHashMap<>(pageAccessTokens);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    @Override
    public String toString() {
        // secrets are shown only as present or absent
        return "MessengerConfiguration[baseUri=" + baseUri + ", apiVersion=" + apiVersion
               + ", pageAccessToken=" + mask(pageAccessToken) + ", pageAccessTokens=" + pageAccessTokens.keySet()
               + ", appSecret=" + mask(appSecret) + ", verifyToken=" + mask(verifyToken) + ", maxRetries="
               + maxRetries + ", rateLimitEnabled=" + rateLimitEnabled + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "<none>" : "******";
    }

    public String getPageAccessToken() {
        return pageAccessToken;
    }

    public void setPageAccessToken(String pageAccessToken) {
        this.pageAccessToken = pageAccessToken;
    }

    public Map<String, String> getPageAccessTokens() {
        return pageAccessTokens;
    }

    public void setPageAccessTokens(Map<String, String> pageAccessTokens) {
        this.pageAccessTokens = pageAccessTokens == null ? new LinkedHashMap<>() : new LinkedHashMap<>(pageAccessTokens);
    }

    public MessengerPageTokenResolver getTokenResolver() {
        return tokenResolver;
    }

    public void setTokenResolver(MessengerPageTokenResolver tokenResolver) {
        this.tokenResolver = tokenResolver;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public String getMessagingType() {
        return messagingType;
    }

    public void setMessagingType(String messagingType) {
        this.messagingType = messagingType;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public String getNotificationType() {
        return notificationType;
    }

    public void setNotificationType(String notificationType) {
        this.notificationType = notificationType;
    }

    public String getPersonaId() {
        return personaId;
    }

    public void setPersonaId(String personaId) {
        this.personaId = personaId;
    }

    public String getQuickReplies() {
        return quickReplies;
    }

    public void setQuickReplies(String quickReplies) {
        this.quickReplies = quickReplies;
    }

    public String getButtons() {
        return buttons;
    }

    public void setButtons(String buttons) {
        this.buttons = buttons;
    }

    public String getAttachmentType() {
        return attachmentType;
    }

    public void setAttachmentType(String attachmentType) {
        this.attachmentType = attachmentType;
    }

    public boolean isReusable() {
        return reusable;
    }

    public void setReusable(boolean reusable) {
        this.reusable = reusable;
    }

    public String getSenderAction() {
        return senderAction;
    }

    public void setSenderAction(String senderAction) {
        this.senderAction = senderAction;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getPayload() {
        return payload;
    }

    public void setPayload(String payload) {
        this.payload = payload;
    }

    public String getSubtitle() {
        return subtitle;
    }

    public void setSubtitle(String subtitle) {
        this.subtitle = subtitle;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    public String getDefaultActionUrl() {
        return defaultActionUrl;
    }

    public void setDefaultActionUrl(String defaultActionUrl) {
        this.defaultActionUrl = defaultActionUrl;
    }

    public String getImageAspectRatio() {
        return imageAspectRatio;
    }

    public void setImageAspectRatio(String imageAspectRatio) {
        this.imageAspectRatio = imageAspectRatio;
    }

    public boolean isSharable() {
        return sharable;
    }

    public void setSharable(boolean sharable) {
        this.sharable = sharable;
    }

    public String getMediaType() {
        return mediaType;
    }

    public void setMediaType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String getMetadata() {
        return metadata;
    }

    public void setMetadata(String metadata) {
        this.metadata = metadata;
    }

    public String getTargetAppId() {
        return targetAppId;
    }

    public void setTargetAppId(String targetAppId) {
        this.targetAppId = targetAppId;
    }

    public String getThreadControl() {
        return threadControl;
    }

    public void setThreadControl(String threadControl) {
        this.threadControl = threadControl;
    }

    public long getDuration() {
        return duration;
    }

    public void setDuration(long duration) {
        this.duration = duration;
    }

    public String getPageId() {
        return pageId;
    }

    public void setPageId(String pageId) {
        this.pageId = pageId;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public long getTimeout() {
        return timeout;
    }

    public void setTimeout(long timeout) {
        this.timeout = timeout;
    }

    public String getWindowPolicy() {
        return windowPolicy;
    }

    public void setWindowPolicy(String windowPolicy) {
        this.windowPolicy = windowPolicy;
    }

    public ConversationStateRepository getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(ConversationStateRepository stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getRateLimitRetryDelay() {
        return rateLimitRetryDelay;
    }

    public void setRateLimitRetryDelay(long rateLimitRetryDelay) {
        this.rateLimitRetryDelay = rateLimitRetryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public boolean isRateLimitEnabled() {
        return rateLimitEnabled;
    }

    public void setRateLimitEnabled(boolean rateLimitEnabled) {
        this.rateLimitEnabled = rateLimitEnabled;
    }

    public int getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(int rateLimit) {
        this.rateLimit = rateLimit;
    }

    public int getMediaRateLimit() {
        return mediaRateLimit;
    }

    public void setMediaRateLimit(int mediaRateLimit) {
        this.mediaRateLimit = mediaRateLimit;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public Vertx getVertx() {
        return vertx;
    }

    public void setVertx(Vertx vertx) {
        this.vertx = vertx;
    }

    public String getVerifyToken() {
        return verifyToken;
    }

    public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public boolean isAllowUnsigned() {
        return allowUnsigned;
    }

    public void setAllowUnsigned(boolean allowUnsigned) {
        this.allowUnsigned = allowUnsigned;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public long getWaitExpiryInterval() {
        return waitExpiryInterval;
    }

    public void setWaitExpiryInterval(long waitExpiryInterval) {
        this.waitExpiryInterval = waitExpiryInterval;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public WebhookInbox getInbox() {
        return inbox;
    }

    public void setInbox(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    public int getInboxConcurrency() {
        return inboxConcurrency;
    }

    public void setInboxConcurrency(int inboxConcurrency) {
        this.inboxConcurrency = inboxConcurrency;
    }

    public long getInboxPollDelay() {
        return inboxPollDelay;
    }

    public void setInboxPollDelay(long inboxPollDelay) {
        this.inboxPollDelay = inboxPollDelay;
    }

    public long getInboxLeaseTime() {
        return inboxLeaseTime;
    }

    public void setInboxLeaseTime(long inboxLeaseTime) {
        this.inboxLeaseTime = inboxLeaseTime;
    }

    public long getInboxEventTimeout() {
        return inboxEventTimeout;
    }

    public void setInboxEventTimeout(long inboxEventTimeout) {
        this.inboxEventTimeout = inboxEventTimeout;
    }

    public long getDeliveryTimeout() {
        return deliveryTimeout;
    }

    public void setDeliveryTimeout(long deliveryTimeout) {
        this.deliveryTimeout = deliveryTimeout;
    }

    public int getMaximumRedeliveries() {
        return maximumRedeliveries;
    }

    public void setMaximumRedeliveries(int maximumRedeliveries) {
        this.maximumRedeliveries = maximumRedeliveries;
    }

    public long getRedeliveryDelay() {
        return redeliveryDelay;
    }

    public void setRedeliveryDelay(long redeliveryDelay) {
        this.redeliveryDelay = redeliveryDelay;
    }

    public double getBackOffMultiplier() {
        return backOffMultiplier;
    }

    public void setBackOffMultiplier(double backOffMultiplier) {
        this.backOffMultiplier = backOffMultiplier;
    }

    public long getMaximumRedeliveryDelay() {
        return maximumRedeliveryDelay;
    }

    public void setMaximumRedeliveryDelay(long maximumRedeliveryDelay) {
        this.maximumRedeliveryDelay = maximumRedeliveryDelay;
    }
    public boolean isRetryAmbiguous() {
        return retryAmbiguous;
    }

    public void setRetryAmbiguous(boolean retryAmbiguous) {
        this.retryAmbiguous = retryAmbiguous;
    }

    public long getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(long callTimeout) {
        this.callTimeout = callTimeout;
    }

    public boolean isAllowInsecureBaseUri() {
        return allowInsecureBaseUri;
    }

    public void setAllowInsecureBaseUri(boolean allowInsecureBaseUri) {
        this.allowInsecureBaseUri = allowInsecureBaseUri;
    }
    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyUsername() {
        return proxyUsername;
    }

    public void setProxyUsername(String proxyUsername) {
        this.proxyUsername = proxyUsername;
    }

    public String getProxyPassword() {
        return proxyPassword;
    }

    public void setProxyPassword(String proxyPassword) {
        this.proxyPassword = proxyPassword;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public int getMaxQueuedSends() {
        return maxQueuedSends;
    }

    public void setMaxQueuedSends(int maxQueuedSends) {
        this.maxQueuedSends = maxQueuedSends;
    }

    public boolean isValidateLimits() {
        return validateLimits;
    }

    public void setValidateLimits(boolean validateLimits) {
        this.validateLimits = validateLimits;
    }

    public String getPersonaName() {
        return personaName;
    }

    public void setPersonaName(String personaName) {
        this.personaName = personaName;
    }

    public String getPersonaPictureUrl() {
        return personaPictureUrl;
    }

    public void setPersonaPictureUrl(String personaPictureUrl) {
        this.personaPictureUrl = personaPictureUrl;
    }

    public String getSubscribedFields() {
        return subscribedFields;
    }

    public void setSubscribedFields(String subscribedFields) {
        this.subscribedFields = subscribedFields;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }

    public long getUserProfileCacheTtl() {
        return userProfileCacheTtl;
    }

    public void setUserProfileCacheTtl(long userProfileCacheTtl) {
        this.userProfileCacheTtl = userProfileCacheTtl;
    }
    public String getGetStarted() {
        return getStarted;
    }

    public void setGetStarted(String getStarted) {
        this.getStarted = getStarted;
    }

    public String getGreeting() {
        return greeting;
    }

    public void setGreeting(String greeting) {
        this.greeting = greeting;
    }

    public String getPersistentMenu() {
        return persistentMenu;
    }

    public void setPersistentMenu(String persistentMenu) {
        this.persistentMenu = persistentMenu;
    }

    public boolean isComposerInputDisabled() {
        return composerInputDisabled;
    }

    public void setComposerInputDisabled(boolean composerInputDisabled) {
        this.composerInputDisabled = composerInputDisabled;
    }

    public String getIceBreakers() {
        return iceBreakers;
    }

    public void setIceBreakers(String iceBreakers) {
        this.iceBreakers = iceBreakers;
    }

    public String getWhitelistedDomains() {
        return whitelistedDomains;
    }

    public void setWhitelistedDomains(String whitelistedDomains) {
        this.whitelistedDomains = whitelistedDomains;
    }

    public String getProfileFields() {
        return profileFields;
    }

    public void setProfileFields(String profileFields) {
        this.profileFields = profileFields;
    }

    public long getHealthCheckCacheTime() {
        return healthCheckCacheTime;
    }

    public void setHealthCheckCacheTime(long healthCheckCacheTime) {
        this.healthCheckCacheTime = healthCheckCacheTime;
    }
}
