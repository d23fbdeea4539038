package io.github.camelmessenger.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.conversation.Conversation;
import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.conversation.InspectorRecord;
import io.github.camelmessenger.sandbox.conversation.SandboxEvents;
import io.github.camelmessenger.sandbox.conversation.Side;
import io.github.camelmessenger.sandbox.conversation.Verdict;
import io.github.camelmessenger.sandbox.conversation.Views;
import io.github.camelmessenger.sandbox.graph.Attachments;
import io.github.camelmessenger.sandbox.graph.Faults;
import io.github.camelmessenger.sandbox.graph.GraphAnswer;
import io.github.camelmessenger.sandbox.graph.GraphApi;
import io.github.camelmessenger.sandbox.graph.GraphRequest;
import io.github.camelmessenger.sandbox.outbox.Outbox;
import io.github.camelmessenger.sandbox.users.UserActions;
import io.github.camelmessenger.sandbox.users.WebhookSender;

/**
 * A local Messenger: a Page with simulated users, the Graph API the app calls, and the webhook deliveries the users'
 * actions cause. Serve it with {@link SandboxServer} (its own port) or mount it with
 * {@link io.github.camelmessenger.sandbox.http.SandboxRoutes} on a Vert.x router (e.g. platform-http's).
 */
public final class Sandbox {

    private static final Pattern PSID = Pattern.compile("^[A-Za-z0-9_.-]{1,64}$");

    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final SandboxState state;
    private final Faults faults = new Faults();
    private final Outbox outbox = new Outbox();
    private final GraphApi graph;
    private final WebhookDeliveries deliveries;
    private final PageInbox inbox;
    private volatile Supplier<URI> webhook;

    /**
     * The credentials a sandbox uses unless told otherwise. They are public (they are in this source), so an app
     * talking to the real platform must never run with them.
     */
    public static final String DEFAULT_PAGE_ACCESS_TOKEN = "sandbox-page-token";
    public static final String DEFAULT_APP_SECRET = "sandbox-app-secret";
    public static final String DEFAULT_VERIFY_TOKEN = "sandbox-verify-token";

    private Sandbox(Builder b) {
        this.settings = new SandboxSettings(b.pageId, b.pageName, b.pageAccessToken, b.appId, b.appSecret,
                b.verifyToken, b.requireAppSecretProof, Set.copyOf(b.secondaryApps), b.deliveryTimeout);
        this.clock = b.clock;
        this.webhook = b.webhook;
        this.state = new SandboxState(settings, clock);
        this.graph = new GraphApi(state, faults);
        this.deliveries = new WebhookDeliveries(state, new WebhookSender(() -> webhook == null ? null : webhook.get(),
                settings.appSecret(), settings.deliveryTimeout()));
        this.inbox = new PageInbox(state, deliveries);
    }

    public static Builder builder() {
        return new Builder();
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** The sandbox's time; bind it in the Camel registry so the components read the same time. */
    public SandboxClock clock() {
        return clock;
    }

    /** Where the app's webhook is; asked at each delivery (null: not known yet). */
    public void webhook(Supplier<URI> target) {
        this.webhook = target;
    }

    public void webhookUrl(String url) {
        URI uri = URI.create(url);
        this.webhook = () -> uri;
    }

    // ----- users

    public SimulatedUser createUser(String name) {
        return createUser(name, null, null, null);
    }

    /** A new user; the PSID, e-mail and phone are made up when null. */
    public SimulatedUser createUser(String name, String psid, String email, String phone) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new BadRequestException("name", "is required (1 to 100 characters)");
        }
        String id = psid != null ? psid : Ids.psid();
        if (!PSID.matcher(id).matches()) {
            throw new BadRequestException("psid", "expected 1 to 64 letters, digits, '.', '_' or '-', got \"" + id + "\"");
        }
        String slug = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        slug = slug.isEmpty() ? "user" : slug;
        String mail = email != null ? email : slug + "@example.org";
        String tel = phone != null ? phone : "+1555" + id.substring(Math.max(0, id.length() - 7)).replaceAll("\\D", "0");
        synchronized (state) {
            if (state.user(id) != null) {
                throw new BadRequestException(409, "psid", "a user with PSID " + id + " exists already");
            }
            return state.addUser(new SimulatedUser(id, name.trim(), mail, tel));
        }
    }

    /** {@code {"name":"Alice","psid":"optional","email":"optional","phone":"optional"}}. */
    public SimulatedUser createUser(JsonNode body) {
        JsonFields.requireObject(body, "{\"name\":\"Alice\"}");
        return createUser(JsonFields.text(body, "name", false), JsonFields.text(body, "psid", false),
                JsonFields.text(body, "email", false), JsonFields.text(body, "phone", false));
    }

    public List<SimulatedUser> users() {
        return state.users();
    }

    public Optional<SimulatedUser> user(String psid) {
        return Optional.ofNullable(state.user(psid));
    }

    /** The user with this PSID, else the first with this name. */
    public Optional<SimulatedUser> findUser(String psidOrName) {
        return user(psidOrName).or(() -> users().stream().filter(u -> u.name().equals(psidOrName)).findFirst());
    }

    public Conversation conversation(String psid) {
        return state.conversation(psid);
    }

    /** The app that owns the user's thread now (the bot, the Page Inbox, ...), or null when it is idle. */
    public String threadOwner(String psid) {
        synchronized (state) {
            state.conversation(psid);
            return state.owners().ownerAppId(psid, clock.instant());
        }
    }

    /**
     * The user does something ({@code {"type":"text","text":"hi"}}, see {@link UserActions#TYPES}); completes when
     * the app's webhook has answered the delivery.
     */
    public CompletableFuture<EventOutcome> act(String psid, JsonNode event) {
        Entry entry;
        UserActions.Prepared prepared;
        boolean standby;
        synchronized (state) {
            SimulatedUser user = state.user(psid);
            if (user == null) {
                throw BadRequestException.unknownUser(psid);
            }
            Instant now = clock.instant();
            prepared = UserActions.prepare(user, event, state.conversation(psid), settings.pageId(), now,
                    state.tokens());
            String owner = state.owners().ownerAppId(psid, now);
            standby = owner != null && !owner.equals(settings.appId());
            if (standby && prepared.item().has("postback")) {
                // only the app that sent the button gets the payload
                ((ObjectNode) prepared.item().get("postback")).remove("payload");
            }
            if (prepared.opensWindow()) {
                state.inbound(psid, now);
            }
            entry = state.addEntry(psid, Side.USER, prepared.kind(), prepared.item(), prepared.mid(), standby,
                    Verdict.pending());
        }
        return deliveries.deliver(entry, prepared.item(), standby);
    }

    /** A person in the Page Inbox: {@code {"action":"reply"|"take"|"handback", "text":..., "metadata":...}}. */
    public CompletableFuture<EventOutcome> inbox(String psid, JsonNode action) {
        return inbox.act(psid, action);
    }

    // ----- the Graph API

    public GraphAnswer graph(GraphRequest request) {
        synchronized (state) {
            return graph.handle(request);
        }
    }

    /** A saved attachment (to show it), or null. */
    public Attachments.Saved media(String id) {
        synchronized (state) {
            return state.attachments().get(id);
        }
    }

    // ----- time, faults, records

    /** Moves the sandbox clock ahead; noted in every conversation. */
    public Instant advanceClock(Duration duration) {
        Instant now;
        synchronized (state) {
            now = clock.advance(duration);
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("advance", duration.toString())
                    .put("now", now.toString());
            for (Conversation c : state.conversations()) {
                state.addEntry(c.psid(), Side.SYSTEM, "clock", body, null, false, Verdict.accepted(null, null));
            }
        }
        state.events().publish(Views.notice("clock").put("now", now.toString()).put("offset",
                clock.offset().toString()));
        return now;
    }

    public Faults faults() {
        return faults;
    }

    public Outbox outbox() {
        return outbox;
    }

    public List<InspectorRecord> inspector() {
        return state.inspector().records();
    }

    /** Live notices of everything that changes (the page's stream). */
    public SandboxEvents events() {
        return state.events();
    }

    /** Forgets users, conversations, tokens, attachments, faults and records; the clock keeps its time. */
    public void reset() {
        faults.clear();
        outbox.clear();
        state.reset();
    }

    /** Settings of a new sandbox; every value has a default fit for a laptop. */
    public static final class Builder {
        private String pageId = "100000000000001";
        private String pageName = "Sandbox Page";
        private String pageAccessToken = DEFAULT_PAGE_ACCESS_TOKEN;
        private String appId = "900000000000001";
        private String appSecret = DEFAULT_APP_SECRET;
        private String verifyToken = DEFAULT_VERIFY_TOKEN;
        private boolean requireAppSecretProof;
        private final Set<String> secondaryApps = new LinkedHashSet<>();
        private Duration deliveryTimeout = Duration.ofSeconds(20);
        private SandboxClock clock = new SandboxClock();
        private Supplier<URI> webhook;

        public Builder pageId(String pageId) {
            this.pageId = pageId;
            return this;
        }

        public Builder pageName(String pageName) {
            this.pageName = pageName;
            return this;
        }

        public Builder pageAccessToken(String token) {
            this.pageAccessToken = token;
            return this;
        }

        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        public Builder appSecret(String appSecret) {
            this.appSecret = appSecret;
            return this;
        }

        public Builder verifyToken(String verifyToken) {
            this.verifyToken = verifyToken;
            return this;
        }

        public Builder requireAppSecretProof(boolean require) {
            this.requireAppSecretProof = require;
            return this;
        }

        public Builder secondaryApp(String appId) {
            this.secondaryApps.add(appId);
            return this;
        }

        public Builder deliveryTimeout(Duration timeout) {
            this.deliveryTimeout = timeout;
            return this;
        }

        /** The time the sandbox starts from (default: the system clock). */
        public Builder baseClock(Clock base) {
            this.clock = new SandboxClock(base);
            return this;
        }

        public Builder webhookUrl(String url) {
            URI uri = URI.create(url);
            this.webhook = () -> uri;
            return this;
        }

        public Builder webhook(Supplier<URI> target) {
            this.webhook = target;
            return this;
        }

        public Sandbox build() {
            return new Sandbox(this);
        }
    }
}
