package io.github.camelmessenger.internal.send;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerOperation;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.internal.graph.Multipart;
import io.github.camelmessenger.internal.graph.RateClass;
import io.github.camelmessenger.internal.validation.SendApiValidator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;

/**
 * Turns an exchange into a validated Graph API call for an operation: body form → Send API JSON → limits checked →
 * request. Everything that can be wrong with the input fails here, before any HTTP call.
 */
public final class OutboundCalls {

    private final MessengerConfiguration configuration;
    private final PageTokens tokens;
    private final ConversationStateRepository state;
    private final boolean enforceWindow;
    private final PlainTextSends plainTextSends;
    private final Clock clock;

    public OutboundCalls(MessengerConfiguration configuration, ConversationStateRepository state,
                         CamelContext context, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.tokens = new PageTokens(configuration);
        this.state = state;
        this.enforceWindow = !"ignore".equalsIgnoreCase(configuration.getWindowPolicy());
        this.plainTextSends = PlainTextSends.of(configuration, this, tokens, context);
    }

    public PreparedCall prepare(MessengerOperation operation, Exchange exchange) {
        PreparedCall call = preparePlainText(operation, exchange);
        return call != null ? call : prepareGeneral(operation, exchange);
    }

    /**
     * The call of a plain text {@code sendMessage}, or null when the exchange needs {@link #prepareGeneral}. An
     * exchange it accepts carries no messenger header but the recipient, so no operation header either.
     */
    public PreparedCall preparePlainText(MessengerOperation operation, Exchange exchange) {
        if (operation == MessengerOperation.sendMessage && plainTextSends != null) {
            return plainTextSends.tryPrepare(exchange);
        }
        return null;
    }

    /** {@link #prepare} without trying the plain text path first. */
    public PreparedCall prepareGeneral(MessengerOperation operation, Exchange exchange) {
        ExchangeSettings settings = new ExchangeSettings(exchange, configuration);
        String pageId = settings.get(MessengerConstants.PAGE_ID, configuration.getPageId());
        String token = tokens.tokenFor(pageId);
        String page = pageId != null ? pageId : "me";
        if (ThreadControlCalls.handles(operation)) {
            return new PreparedCall(ThreadControlCalls.request(operation, settings, page, token,
                    configuration.getAppSecret()));
        }
        return switch (operation) {
            case uploadAttachment -> upload(exchange, settings, page, token);
            case sendCustomRequest -> custom(exchange, settings, page, token);
            case sendSenderAction -> messages(exchange, senderAction(exchange, settings), page, token);
            case sendAttachment -> attachment(exchange, settings, page, token);
            default -> messages(exchange, messageRequest(operation, exchange, settings), page, token);
        };
    }

    ObjectNode messageRequest(MessengerOperation operation, Exchange exchange, ExchangeSettings settings) {
        Object body = exchange.getMessage().getBody();
        ObjectNode tree = BodyTree.read(body);
        ObjectNode request;
        if (tree != null) {
            request = StructuredForms.request(operation, tree, settings);
        } else {
            request = Json.NODES.objectNode();
            request.set("message", PlainForms.message(operation, plainText(exchange), settings));
        }
        RequestDefaults.apply(request, settings, true);
        return request;
    }

    private PreparedCall attachment(Exchange exchange, ExchangeSettings settings, String page, String token) {
        Object body = exchange.getMessage().getBody();
        if (!FileBody.isFile(body)) {
            return messages(exchange, messageRequest(MessengerOperation.sendAttachment, exchange, settings), page,
                    token);
        }
        // a file sent with the message: multipart with the request fields as JSON parts
        ObjectNode request = Json.NODES.objectNode();
        ObjectNode message = request.putObject("message");
        ObjectNode attachment = message.putObject("attachment");
        String type = settings.get(MessengerConstants.ATTACHMENT_TYPE, configuration.getAttachmentType());
        attachment.put("type", type);
        ObjectNode payload = attachment.putObject("payload");
        if (settings.flag(MessengerConstants.REUSABLE, configuration.isReusable())) {
            payload.put("is_reusable", true);
        }
        RequestDefaults.apply(request, settings, true);
        // the file part stands in for the url / attachment_id of the media payload
        SendApiValidator.validate(request, true);
        FileBody file = FileBody.of(exchange, type);
        Multipart.Builder parts = Multipart.builder();
        request.fields().forEachRemaining(field -> parts.field(field.getKey(), asPart(field.getValue())));
        parts.file("filedata", file.fileName(), file.contentType(), file.data());
        return multipart(page + "/messages", parts.build(), token, page, rateClass(request));
    }

    private PreparedCall upload(Exchange exchange, ExchangeSettings settings, String page, String token) {
        String type = settings.get(MessengerConstants.ATTACHMENT_TYPE, configuration.getAttachmentType());
        Object body = exchange.getMessage().getBody();
        ObjectNode upload = Json.NODES.objectNode();
        ObjectNode attachment = upload.putObject("message").putObject("attachment");
        attachment.put("type", type);
        ObjectNode payload = attachment.putObject("payload");
        payload.put("is_reusable", true);
        String path = page + "/message_attachments";
        if (FileBody.isFile(body)) {
            SendApiValidator.validateUpload(upload, true);
            FileBody file = FileBody.of(exchange, type);
            Multipart parts = Multipart.builder()
                    .field("message", upload.get("message").toString())
                    .file("filedata", file.fileName(), file.contentType(), file.data())
                    .build();
            return multipart(path, parts, token, page, RateClass.NONE);
        }
        ObjectNode tree = BodyTree.read(body);
        if (tree != null) {
            upload = tree.has("message") ? tree : wrapMessage(tree);
        } else {
            String url = plainText(exchange);
            if (url == null || url.isBlank()) {
                throw new MessengerValidationException("message.attachment.payload.url",
                        "a URL (or a file) in the body to upload", url);
            }
            payload.put("url", url.strip());
        }
        SendApiValidator.validateUpload(upload);
        return new PreparedCall(json(path, upload, token, page, RateClass.NONE));
    }

    private static ObjectNode wrapMessage(ObjectNode attachmentOrMessage) {
        ObjectNode upload = Json.NODES.objectNode();
        if (attachmentOrMessage.has("attachment")) {
            upload.set("message", attachmentOrMessage);
        } else {
            upload.putObject("message").set("attachment", attachmentOrMessage);
        }
        return upload;
    }

    private ObjectNode senderAction(Exchange exchange, ExchangeSettings settings) {
        ObjectNode tree = BodyTree.read(exchange.getMessage().getBody());
        ObjectNode request;
        if (tree != null && StructuredForms.isRequest(tree)) {
            request = tree;
        } else {
            request = Json.NODES.objectNode();
            String action = settings.get(MessengerConstants.SENDER_ACTION, null);
            String text = plainText(exchange);
            if (action == null && text != null && !text.isBlank() && tree == null) {
                action = text.strip();
            }
            if (action == null) {
                action = configuration.getSenderAction();
            }
            if (action == null) {
                throw new MessengerValidationException("sender_action",
                        "one of typing_on, typing_off, mark_seen, react, unreact (body, header "
                                                                        + "CamelMessengerSenderAction or option "
                                                                        + "senderAction)",
                        null);
            }
            request.put("sender_action", action.toLowerCase(java.util.Locale.ROOT));
            if (tree != null) {
                // react / unreact: the body carries {message_id, reaction}
                request.set("payload", tree);
            }
        }
        RequestDefaults.apply(request, settings, false);
        return request;
    }

    private PreparedCall custom(Exchange exchange, ExchangeSettings settings, String page, String token) {
        ObjectNode tree = BodyTree.read(exchange.getMessage().getBody());
        if (tree == null) {
            throw new MessengerValidationException("body",
                    "sendCustomRequest takes a Send API request as a Map, JSON text or model object",
                    exchange.getMessage().getBody(String.class));
        }
        String path = settings.get(MessengerConstants.GRAPH_PATH, null);
        if (path == null || path.equals(page + "/messages") || path.equals("me/messages")) {
            // a Send API call: the same defaults and limits as every other send
            RequestDefaults.apply(tree, settings, false);
            return messages(exchange, tree, page, token);
        }
        return new PreparedCall(json(path.startsWith("/") ? path.substring(1) : path, tree, token, page,
                RateClass.NONE));
    }

    private PreparedCall messages(Exchange exchange, ObjectNode request, String page, String token) {
        SendApiValidator.validate(request);
        if (enforceWindow) {
            MessagingWindow.check(request, "me".equals(page) ? null : page, state, clock.instant());
        }
        String otnToken = OneTimeNotifTokens.checkUnused(exchange, request);
        return new PreparedCall(json(page + "/messages", request, token, page, rateClass(request)), otnToken);
    }

    private GraphRequest json(String path, JsonNode body, String token, String page, RateClass rateClass) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            return GraphRequest.postJson(path, bytes, token, configuration.getAppSecret(), page, rateClass);
        } catch (JsonProcessingException e) {
            throw new MessengerValidationException("body", "serializable as JSON", e.getOriginalMessage());
        }
    }

    private PreparedCall multipart(String path, Multipart parts, String token, String page, RateClass rateClass) {
        return new PreparedCall(GraphRequest.postMultipart(path, parts, token, configuration.getAppSecret(), page,
                rateClass));
    }

    /** Audio and video are paced at the platform's lower media rate. */
    static RateClass rateClass(JsonNode request) {
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

    private static String asPart(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static String plainText(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }
}
