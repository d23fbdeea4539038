package io.github.camelmessenger.internal.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.Multipart;
import io.github.camelmessenger.internal.graph.RateClass;
import io.github.camelmessenger.internal.validation.SendApiValidator;
import org.apache.camel.Exchange;

/**
 * One exchange on its way to the Graph API: its settings (header, else option), Page, access token and body. An
 * operation's handler builds the request from these, and every Send API request then takes the one path
 * {@link #message}: defaults, limits, window, token check, then written as the request body.
 */
public final class OutboundExchange {

    private final Outbound outbound;
    private final ExchangeSettings settings;
    private final String page;
    private final String token;
    private MessageBody body;

    OutboundExchange(Outbound outbound, ExchangeSettings settings, String page, String token) {
        this.outbound = outbound;
        this.settings = settings;
        this.page = page;
        this.token = token;
    }

    public Exchange exchange() {
        return settings.exchange();
    }

    public ExchangeSettings settings() {
        return settings;
    }

    public MessengerConfiguration options() {
        return outbound.configuration;
    }

    /** The Page id, or {@code me} when the call goes out for the token's own Page. */
    public String page() {
        return page;
    }

    public String token() {
        return token;
    }

    public String appSecret() {
        return outbound.configuration.getAppSecret();
    }

    /** The normalised body, read once. */
    public MessageBody body() {
        if (body == null) {
            body = MessageBody.of(settings.exchange());
        }
        return body;
    }

    /**
     * The one path of a Send API request ({@code {page}/messages}): what the request leaves open is filled from the
     * exchange, the platform limits are checked, then the messaging window, the one-time notification token and the
     * one private reply per comment, and the request is written. Everything that can be wrong with the input fails
     * here, before any HTTP call.
     *
     * @param quickReplies whether shorthand quick replies (header or option) join the message
     */
    public PreparedCall message(ObjectNode request, boolean quickReplies) {
        RequestDefaults.apply(request, settings, quickReplies);
        if (outbound.validateLimits) {
            SendApiValidator.validate(request);
        }
        if (outbound.enforceWindow) {
            MessagingWindow.check(request, "me".equals(page) ? null : page, outbound.state,
                    outbound.clock.instant());
        }
        String otnToken = OneTimeNotifTokens.checkUnused(settings.exchange(), request);
        GraphRequest call = json(page + "/messages", request, rateClass(request));
        // reserved last: nothing after it fails before the call
        PrivateReplies.Reservation privateReply = outbound.privateReplies.reserve(settings.exchange(), request, page);
        return new PreparedCall(call, otnToken, null, null, privateReply);
    }

    /** Whether the platform limits are checked before sending (option validateLimits). */
    public boolean validatesLimits() {
        return outbound.validateLimits;
    }

    /** A JSON {@code POST} to another edge (no Send API defaults). */
    public GraphRequest json(String path, JsonNode body, RateClass rateClass) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            return GraphRequest.postJson(path, bytes, token, appSecret(), page, rateClass);
        } catch (JsonProcessingException e) {
            throw new MessengerValidationException("body", "serializable as JSON", e.getOriginalMessage());
        }
    }

    public GraphRequest multipart(String path, Multipart parts, RateClass rateClass) {
        return GraphRequest.postMultipart(path, parts, token, appSecret(), page, rateClass);
    }

    /** Audio and video are paced at the platform's lower media rate. */
    public static RateClass rateClass(JsonNode request) {
        JsonNode attachment = request.path("message").path("attachment");
        String type = attachment.path("type").asText();
        if ("audio".equals(type) || "video".equals(type)) {
            return RateClass.MEDIA;
        }
        if ("template".equals(type)
            && "video".equals(attachment.path("payload").path("elements").path(0).path("media_type").asText())) {
            return RateClass.MEDIA;
        }
        return RateClass.STANDARD;
    }
}
