package io.github.camelmessenger.sandbox.http;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.BadRequestException;
import io.github.camelmessenger.sandbox.EventOutcome;
import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.SimulatedUser;
import io.github.camelmessenger.sandbox.conversation.Views;
import io.github.camelmessenger.sandbox.graph.Fault;
import io.github.camelmessenger.sandbox.graph.ThreadOwners;
import io.github.camelmessenger.sandbox.outbox.OutboxItem;
import io.github.camelmessenger.sandbox.transcript.Transcript;
import io.github.camelmessenger.sandbox.transcript.TranscriptReplayer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The JSON API under {@code /sandbox/api}: what the web page uses and users' scripts can call. */
final class ApiRoutes {

    static final String PREFIX = "/sandbox/api";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Sandbox sandbox;

    ApiRoutes(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void mount(Router router, java.util.List<io.vertx.ext.web.Route> mounted) {
        on(router, mounted, HttpMethod.GET, "/page", ctx -> HttpJson.ok(ctx, page()));
        on(router, mounted, HttpMethod.GET, "/users", ctx -> HttpJson.ok(ctx, users()));
        on(router, mounted, HttpMethod.POST, "/users",
                ctx -> HttpJson.send(ctx, 201, Views.user(sandbox.createUser(HttpJson.body(ctx)))));
        on(router, mounted, HttpMethod.POST, "/users/:psid/events",
                ctx -> outcome(ctx, sandbox.act(ctx.pathParam("psid"), HttpJson.body(ctx))));
        on(router, mounted, HttpMethod.GET, "/users/:psid/conversation",
                ctx -> HttpJson.ok(ctx, conversation(ctx.pathParam("psid"))));
        on(router, mounted, HttpMethod.POST, "/users/:psid/inbox",
                ctx -> outcome(ctx, sandbox.inbox(ctx.pathParam("psid"), HttpJson.body(ctx))));
        on(router, mounted, HttpMethod.GET, "/users/:psid/transcript", this::transcript);
        on(router, mounted, HttpMethod.POST, "/transcripts/replay", this::replay);
        on(router, mounted, HttpMethod.GET, "/clock", ctx -> HttpJson.ok(ctx, clock()));
        on(router, mounted, HttpMethod.POST, "/clock", ctx -> {
            sandbox.advanceClock(advance(HttpJson.body(ctx)));
            HttpJson.ok(ctx, clock());
        });
        on(router, mounted, HttpMethod.GET, "/faults", ctx -> HttpJson.ok(ctx, faults()));
        on(router, mounted, HttpMethod.POST, "/faults", ctx -> {
            sandbox.faults().add(HttpJson.body(ctx));
            sandbox.events().publish(Views.notice("faults"));
            HttpJson.send(ctx, 201, faults());
        });
        on(router, mounted, HttpMethod.DELETE, "/faults", ctx -> {
            sandbox.faults().clear();
            sandbox.events().publish(Views.notice("faults"));
            HttpJson.ok(ctx, faults());
        });
        on(router, mounted, HttpMethod.DELETE, "/faults/:id", ctx -> {
            if (!sandbox.faults().remove(ctx.pathParam("id"))) {
                throw new BadRequestException(404, "id", "no fault " + ctx.pathParam("id"));
            }
            sandbox.events().publish(Views.notice("faults"));
            HttpJson.ok(ctx, faults());
        });
        on(router, mounted, HttpMethod.GET, "/inspector", ctx -> HttpJson.ok(ctx, inspector(ctx.queryParams()
                .get("psid"))));
        on(router, mounted, HttpMethod.GET, "/outbox", ctx -> HttpJson.ok(ctx, outbox()));
        on(router, mounted, HttpMethod.POST, "/outbox", ctx -> {
            OutboxItem item = sandbox.outbox().email(HttpJson.body(ctx), sandbox.clock().instant());
            sandbox.events().publish(Views.notice("outbox"));
            HttpJson.send(ctx, 201, item(item));
        });
        on(router, mounted, HttpMethod.POST, "/reset", ctx -> {
            sandbox.reset();
            HttpJson.ok(ctx, F.objectNode().put("reset", true));
        });
        mounted.add(router.get(PREFIX + "/stream").handler(ctx -> EventStream.open(ctx, sandbox)));
    }

    /** The fake SMS gateway: {@code POST /sandbox/sms {"to":"+15551234567","text":"..."}}. */
    void sms(RoutingContext ctx) {
        try {
            OutboxItem item = sandbox.outbox().sms(HttpJson.body(ctx), sandbox.clock().instant());
            sandbox.events().publish(Views.notice("outbox"));
            HttpJson.ok(ctx, F.objectNode().put("id", item.id()).put("status", "queued").put("to", item.to()));
        } catch (RuntimeException e) {
            HttpJson.fail(ctx, e);
        }
    }

    private static void on(Router router, java.util.List<io.vertx.ext.web.Route> mounted, HttpMethod method,
                           String path, io.vertx.core.Handler<RoutingContext> handler) {
        mounted.add(router.route(method, PREFIX + path).handler(ctx -> {
            try {
                handler.handle(ctx);
            } catch (RuntimeException e) {
                HttpJson.fail(ctx, e);
            }
        }));
    }

    private static void outcome(RoutingContext ctx, CompletableFuture<EventOutcome> outcome) {
        outcome.whenComplete((o, e) -> {
            if (e != null) {
                HttpJson.fail(ctx, e);
                return;
            }
            ObjectNode body = F.objectNode();
            body.set("entry", Views.entry(o.entry()));
            ObjectNode delivery = body.putObject("delivery").put("status", o.delivery().status());
            if (o.delivery().error() != null) {
                delivery.put("error", o.delivery().error());
            }
            HttpJson.ok(ctx, body);
        });
    }

    private ObjectNode page() {
        var s = sandbox.settings();
        ObjectNode n = F.objectNode().put("pageId", s.pageId()).put("pageName", s.pageName()).put("appId", s.appId())
                .put("pageInboxAppId", ThreadOwners.PAGE_INBOX_APP_ID).put("graphPath", GraphRoutes.PREFIX);
        n.set("clock", clock());
        return n;
    }

    private ArrayNode users() {
        ArrayNode all = F.arrayNode();
        for (SimulatedUser u : sandbox.users()) {
            ObjectNode n = Views.user(u);
            n.put("owner", sandbox.threadOwner(u.psid()));
            all.add(n);
        }
        return all;
    }

    private ObjectNode conversation(String psid) {
        SimulatedUser user = sandbox.user(psid).orElseThrow(() -> BadRequestException.unknownUser(psid));
        ObjectNode n = F.objectNode();
        n.set("user", Views.user(user));
        n.put("owner", sandbox.threadOwner(psid));
        ArrayNode entries = n.putArray("entries");
        sandbox.conversation(psid).entries().forEach(e -> entries.add(Views.entry(e)));
        return n;
    }

    private void transcript(RoutingContext ctx) {
        String psid = ctx.pathParam("psid");
        SimulatedUser user = sandbox.user(psid).orElseThrow(() -> BadRequestException.unknownUser(psid));
        Transcript t = Transcript.of(user, sandbox.conversation(psid).entries());
        ctx.response().putHeader("Content-Disposition",
                "attachment; filename=\"transcript-" + user.name().replaceAll("[^A-Za-z0-9]+", "-") + ".json\"");
        HttpJson.ok(ctx, t.toJson());
    }

    /** Replays on a worker thread: it waits for the bot's answers. */
    private void replay(RoutingContext ctx) {
        Transcript t = Transcript.fromJson(HttpJson.body(ctx));
        String timeout = ctx.queryParams().get("timeout");
        Duration wait = timeout == null ? TranscriptReplayer.DEFAULT_TIMEOUT : parse("timeout", timeout);
        ctx.vertx().executeBlocking(() -> new TranscriptReplayer(sandbox, wait).replay(t), false)
                .onSuccess(report -> HttpJson.ok(ctx, report.toJson()))
                .onFailure(e -> HttpJson.fail(ctx, e));
    }

    private ObjectNode clock() {
        return F.objectNode().put("now", sandbox.clock().instant().toString())
                .put("offset", sandbox.clock().offset().toString());
    }

    private static Duration advance(JsonNode body) {
        JsonNode n = body.get("advance");
        if (n == null || !n.isTextual()) {
            throw new BadRequestException("advance", "is required: an ISO-8601 duration such as PT25H");
        }
        Duration d = parse("advance", n.asText());
        if (d.isZero() || d.isNegative()) {
            throw new BadRequestException("advance", "must be positive (the clock never goes back), got " + n.asText());
        }
        return d;
    }

    private static Duration parse(String field, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(field, "expected an ISO-8601 duration such as PT25H, got \"" + text + "\"");
        }
    }

    private ArrayNode faults() {
        ArrayNode all = F.arrayNode();
        for (Fault f : sandbox.faults().list()) {
            ObjectNode n = all.addObject().put("id", f.id());
            putIfSet(n, "code", f.code());
            putIfSet(n, "subcode", f.subcode());
            if (f.message() != null) {
                n.put("message", f.message());
            }
            if (f.httpStatus() != 0) {
                n.put("httpStatus", f.httpStatus());
            }
            if (f.latency() != null) {
                n.put("latency", f.latency().toString());
            }
            if (f.psid() != null) {
                n.put("psid", f.psid());
            }
            if (f.pageId() != null) {
                n.put("pageId", f.pageId());
            }
            putIfSet(n, "calls", f.remaining());
        }
        return all;
    }

    private static void putIfSet(ObjectNode n, String field, Integer value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private ArrayNode inspector(String psid) {
        ArrayNode all = F.arrayNode();
        sandbox.inspector().stream().filter(r -> psid == null || psid.equals(r.psid()))
                .forEach(r -> all.add(Views.record(r)));
        return all;
    }

    private ArrayNode outbox() {
        ArrayNode all = F.arrayNode();
        sandbox.outbox().items().forEach(i -> all.add(item(i)));
        return all;
    }

    private static ObjectNode item(OutboxItem i) {
        ObjectNode n = F.objectNode().put("id", i.id()).put("time", i.time().toString()).put("channel", i.channel())
                .put("to", i.to()).put("text", i.text());
        if (i.subject() != null) {
            n.put("subject", i.subject());
        }
        return n;
    }
}
