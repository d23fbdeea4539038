package io.github.camelmessenger.sandbox.http;

import java.io.IOException;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.BadRequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading and writing JSON over Vert.x, and the sandbox API's error answers. */
final class HttpJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(HttpJson.class);

    private HttpJson() {
    }

    /** The request body as JSON; an empty body is an empty object; anything unreadable is a 400. */
    static JsonNode body(RoutingContext ctx) {
        Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return MAPPER.readTree(buffer.getBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestException("body", "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequestException("body", "unreadable body");
        }
    }

    static void send(RoutingContext ctx, int status, JsonNode body) {
        HttpServerResponse r = ctx.response();
        if (r.ended() || r.closed()) {
            return;
        }
        try {
            r.setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    .end(Buffer.buffer(MAPPER.writeValueAsBytes(body)));
        } catch (IOException e) {
            r.setStatusCode(500).end();
        }
    }

    static void ok(RoutingContext ctx, JsonNode body) {
        send(ctx, 200, body);
    }

    /** Answers a failure: a {@link BadRequestException} with its status and field, anything else with a 500. */
    static void fail(RoutingContext ctx, Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode error = root.putObject("error");
        if (t instanceof BadRequestException bad) {
            error.put("field", bad.field()).put("message", bad.getMessage());
            send(ctx, bad.status(), root);
            return;
        }
        LOG.warn("Sandbox API request {} {} failed", ctx.request().method(), ctx.request().path(), t);
        error.put("message", String.valueOf(t));
        send(ctx, 500, root);
    }
}
