package io.github.camelmessenger.sandbox.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelmessenger.sandbox.Ids;
import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.graph.GraphAnswer;
import io.github.camelmessenger.sandbox.graph.GraphError;
import io.github.camelmessenger.sandbox.graph.GraphRequest;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /sandbox/graph/<version>/<path>}: reads a Graph API call the way the platform accepts it (JSON, form or
 * multipart; the token as {@code Authorization: Bearer} or {@code access_token}) and answers the sandbox's verdict.
 */
final class GraphRoutes {

    static final String PREFIX = "/sandbox/graph/";
    private static final Pattern VERSION = Pattern.compile("^v[0-9]+\\.[0-9]+$");

    private final Sandbox sandbox;

    GraphRoutes(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void handle(RoutingContext ctx) {
        FileUpload upload = ctx.fileUploads().stream().filter(f -> f.name().equals("filedata")).findFirst()
                .orElse(null);
        if (upload == null) {
            answer(ctx, null);
            return;
        }
        ctx.vertx().fileSystem().readFile(upload.uploadedFileName())
                .onSuccess(data -> answer(ctx, new GraphRequest.Upload(upload.fileName(), upload.contentType(),
                        data.getBytes(), upload.size())))
                .onFailure(e -> HttpJson.fail(ctx, e));
    }

    private void answer(RoutingContext ctx, GraphRequest.Upload file) {
        GraphRequest request;
        try {
            request = read(ctx, file);
        } catch (Malformed e) {
            GraphError error = GraphError.invalidParameter(e.getMessage());
            HttpJson.send(ctx, error.httpStatus(), error.toJson(Ids.fbtraceId()));
            return;
        }
        GraphAnswer answer;
        try {
            answer = sandbox.graph(request);
        } catch (RuntimeException e) {
            HttpJson.fail(ctx, e);
            return;
        }
        long delay = answer.latency().toMillis();
        if (delay > 0) {
            ctx.vertx().setTimer(delay, id -> HttpJson.send(ctx, answer.status(), answer.body()));
        } else {
            HttpJson.send(ctx, answer.status(), answer.body());
        }
    }

    private static GraphRequest read(RoutingContext ctx, GraphRequest.Upload file) {
        String rest = ctx.request().path().substring(PREFIX.length());
        String version = "";
        int slash = rest.indexOf('/');
        if (slash > 0 && VERSION.matcher(rest.substring(0, slash)).matches()) {
            version = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        Map<String, String> query = new LinkedHashMap<>();
        ctx.queryParams().forEach(e -> query.putIfAbsent(e.getKey(), e.getValue()));
        ObjectNode body = body(ctx);
        String token = bearer(ctx.request().getHeader("Authorization"));
        if (token == null) {
            token = query.containsKey("access_token") ? query.get("access_token") : textOrNull(body, "access_token");
        }
        String proof = query.containsKey("appsecret_proof") ? query.get("appsecret_proof")
                : textOrNull(body, "appsecret_proof");
        query.remove("access_token");
        query.remove("appsecret_proof");
        body.remove("access_token");
        body.remove("appsecret_proof");
        return new GraphRequest(ctx.request().method().name(), version, rest, token, proof, query, body, file);
    }

    private static ObjectNode body(RoutingContext ctx) {
        String type = String.valueOf(ctx.request().getHeader("Content-Type"));
        if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
            return fields(ctx.request().formAttributes());
        }
        Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode json = HttpJson.MAPPER.readTree(buffer.getBytes());
            if (json instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            throw new Malformed("The request body is not valid JSON");
        }
        throw new Malformed("The request body must be a JSON object");
    }

    /** Form and multipart fields; values that are JSON (recipient, message) are read as JSON, as the platform does. */
    private static ObjectNode fields(MultiMap form) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        form.forEach(e -> {
            String v = e.getValue().trim();
            JsonNode value = TextNode.valueOf(e.getValue());
            if (v.startsWith("{") || v.startsWith("[")) {
                try {
                    value = HttpJson.MAPPER.readTree(v);
                } catch (IOException ex) {
                    throw new Malformed("Param " + e.getKey() + " is not valid JSON");
                }
            }
            body.set(e.getKey(), value);
        });
        return body;
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).trim();
    }

    private static String textOrNull(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** A body the Graph API cannot read at all. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }
}
