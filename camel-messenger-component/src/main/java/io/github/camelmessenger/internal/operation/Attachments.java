package io.github.camelmessenger.internal.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.internal.graph.Multipart;
import io.github.camelmessenger.internal.graph.RateClass;
import io.github.camelmessenger.internal.send.ExchangeSettings;
import io.github.camelmessenger.internal.send.FileBody;
import io.github.camelmessenger.internal.send.Json;
import io.github.camelmessenger.internal.send.MessageBody;
import io.github.camelmessenger.internal.send.OutboundExchange;
import io.github.camelmessenger.internal.send.PreparedCall;
import io.github.camelmessenger.internal.send.RequestDefaults;
import io.github.camelmessenger.internal.validation.SendApiValidator;

/**
 * {@code sendAttachment} (a media URL, an attachment id, a structured attachment, or a file sent with the message as
 * multipart) and {@code uploadAttachment} (a URL or a file saved for reuse, answered with an attachment id).
 */
public final class Attachments {

    private Attachments() {
    }

    public static PreparedCall sendAttachment(OutboundExchange send) {
        if (FileBody.isFile(send.exchange().getMessage().getBody())) {
            return withFile(send);
        }
        MessageBody body = send.body();
        ObjectNode request;
        if (body.isStructured()) {
            // a tree that is none of the known forms is the media payload
            request = body.request(false, tree -> MessageBody.wrap("attachment", attachment(send.settings(), tree)));
        } else {
            request = MessageBody.withMessage(MessageBody.wrap("attachment",
                    attachment(send.settings(), mediaPayload(body.text(), send.settings()))));
        }
        return send.message(request, true);
    }

    /** A file sent with the message: multipart with the request fields as JSON parts and the file as filedata. */
    private static PreparedCall withFile(OutboundExchange send) {
        ExchangeSettings settings = send.settings();
        ObjectNode request = Json.NODES.objectNode();
        ObjectNode attachment = request.putObject("message").putObject("attachment");
        String type = type(settings);
        attachment.put("type", type);
        ObjectNode payload = attachment.putObject("payload");
        if (settings.flag(MessengerConstants.REUSABLE, settings.options.isReusable())) {
            payload.put("is_reusable", true);
        }
        RequestDefaults.apply(request, settings, true);
        // the file part stands in for the url / attachment_id of the media payload
        if (send.validatesLimits()) {
            SendApiValidator.validate(request, true);
        }
        FileBody file = FileBody.of(send.exchange(), type);
        Multipart.Builder parts = Multipart.builder();
        request.fields().forEachRemaining(field -> parts.field(field.getKey(), asPart(field.getValue())));
        parts.file("filedata", file.fileName(), file.contentType(), file.data());
        return new PreparedCall(send.multipart(send.page() + "/messages", parts.build(),
                OutboundExchange.rateClass(request)));
    }

    public static PreparedCall uploadAttachment(OutboundExchange send) {
        ExchangeSettings settings = send.settings();
        String type = type(settings);
        Object raw = send.exchange().getMessage().getBody();
        ObjectNode upload = Json.NODES.objectNode();
        ObjectNode attachment = upload.putObject("message").putObject("attachment");
        attachment.put("type", type);
        ObjectNode payload = attachment.putObject("payload");
        payload.put("is_reusable", true);
        String path = send.page() + "/message_attachments";
        if (FileBody.isFile(raw)) {
            if (send.validatesLimits()) {
                SendApiValidator.validateUpload(upload, true);
            }
            FileBody file = FileBody.of(send.exchange(), type);
            Multipart parts = Multipart.builder()
                    .field("message", upload.get("message").toString())
                    .file("filedata", file.fileName(), file.contentType(), file.data())
                    .build();
            return new PreparedCall(send.multipart(path, parts, RateClass.NONE));
        }
        MessageBody body = send.body();
        if (body.isStructured()) {
            ObjectNode tree = body.tree();
            upload = tree.has("message") ? tree : wrapMessage(tree);
        } else {
            String url = body.text();
            if (url == null || url.isBlank()) {
                throw new MessengerValidationException("message.attachment.payload.url",
                        "a URL (or a file) in the body to upload", url);
            }
            payload.put("url", url.strip());
        }
        if (send.validatesLimits()) {
            SendApiValidator.validateUpload(upload);
        }
        return new PreparedCall(send.json(path, upload, RateClass.NONE));
    }

    private static ObjectNode attachment(ExchangeSettings settings, ObjectNode payload) {
        ObjectNode attachment = Json.NODES.objectNode();
        attachment.put("type", type(settings));
        attachment.set("payload", payload);
        return attachment;
    }

    /** The payload of a media attachment: the body URL, else the attachment id of the header. */
    private static ObjectNode mediaPayload(String body, ExchangeSettings settings) {
        ObjectNode payload = Json.NODES.objectNode();
        if (body != null && !body.isBlank()) {
            payload.put("url", body.strip());
            if (settings.flag(MessengerConstants.REUSABLE, settings.options.isReusable())) {
                payload.put("is_reusable", true);
            }
            return payload;
        }
        String attachmentId = settings.get(MessengerConstants.ATTACHMENT_ID, null);
        if (attachmentId == null) {
            throw new MessengerValidationException("message.attachment.payload",
                    "a media URL in the body or an attachment id in header CamelMessengerAttachmentId", body);
        }
        payload.put("attachment_id", attachmentId);
        return payload;
    }

    private static String type(ExchangeSettings settings) {
        return settings.get(MessengerConstants.ATTACHMENT_TYPE, settings.options.getAttachmentType());
    }

    private static ObjectNode wrapMessage(ObjectNode attachmentOrMessage) {
        if (attachmentOrMessage.has("attachment")) {
            return MessageBody.withMessage(attachmentOrMessage);
        }
        return MessageBody.withMessage(MessageBody.wrap("attachment", attachmentOrMessage));
    }

    private static String asPart(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
