package io.github.camelmessenger.sandbox.graph;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code POST /{page}/message_attachments}: saves a file (by URL or uploaded) and answers its attachment_id. */
final class UploadEdge {

    static final long MAX_BYTES = 25L * 1024 * 1024;

    private final GraphWorld world;

    UploadEdge(GraphWorld world) {
        this.world = world;
    }

    ObjectNode upload(GraphRequest r) {
        JsonNode message = Fields.object(r.body(), "message", "message", true);
        JsonNode attachment = Fields.object(message, "attachment", "message[attachment]", true);
        String type = Fields.oneOf(attachment, "type", "message[attachment][type]",
                List.of("image", "audio", "video", "file"), true);
        JsonNode payload = Fields.object(attachment, "payload", "message[attachment][payload]", true);
        String url = Fields.httpUrl(payload, "url", "message[attachment][payload][url]", false);
        if ((url == null) == (r.file() == null)) {
            throw Rejection.param("Param message[attachment][payload] must have exactly one of url or an uploaded "
                                  + "filedata");
        }
        if (r.file() != null) {
            checkFile(r.file(), type, "filedata");
        }
        Attachments.Saved saved = world.attachments().save(world.pageId(), type, url,
                r.file() == null ? null : r.file().contentType(), r.file() == null ? null : r.file().data(), true,
                world.now());
        return JsonNodeFactory.instance.objectNode().put("attachment_id", saved.id());
    }

    /** An uploaded file must fit 25 MB and its MIME type must match the attachment type. */
    static void checkFile(GraphRequest.Upload file, String type, String field) {
        if (file.size() > MAX_BYTES) {
            throw new Rejection(GraphError.invalidParameter(2018109, "Attachment size exceeds allowable limit (" 
                                                                     + file.size() + " bytes, at most " + MAX_BYTES
                                                                     + ")"));
        }
        String ct = file.contentType() == null ? "" : file.contentType();
        boolean ok = switch (type) {
            case "image" -> ct.startsWith("image/");
            case "audio" -> ct.startsWith("audio/");
            case "video" -> ct.startsWith("video/");
            default -> !ct.isEmpty();
        };
        if (!ok) {
            throw new Rejection(GraphError.invalidParameter(2018047, "Upload attachment failure: the " + field
                                                                     + " part's type \"" + ct
                                                                     + "\" does not match attachment type " + type));
        }
    }
}
