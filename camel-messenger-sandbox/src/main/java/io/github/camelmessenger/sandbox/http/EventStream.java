package io.github.camelmessenger.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelmessenger.sandbox.Sandbox;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /sandbox/api/stream}: the sandbox's notices as server-sent events, for the page's live updates. */
final class EventStream {

    private static final long HEARTBEAT_MILLIS = 15_000;

    private EventStream() {
    }

    static void open(RoutingContext ctx, Sandbox sandbox) {
        HttpServerResponse r = ctx.response();
        r.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
        r.write(": connected\n\n");
        Runnable unsubscribe = sandbox.events().subscribe(notice -> {
            if (r.closed() || r.ended()) {
                return;
            }
            try {
                r.write("data: " + HttpJson.MAPPER.writeValueAsString(notice) + "\n\n");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        long timer = ctx.vertx().setPeriodic(HEARTBEAT_MILLIS, id -> {
            if (!r.closed() && !r.ended()) {
                r.write(": heartbeat\n\n");
            }
        });
        r.closeHandler(v -> {
            unsubscribe.run();
            ctx.vertx().cancelTimer(timer);
        });
    }
}
