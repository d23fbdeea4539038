package io.github.camelmessenger.sandbox.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.SandboxServer;
import io.github.camelmessenger.sandbox.camel.SandboxCamel;
import io.github.camelmessenger.sandbox.camel.WebhookLocator;
import io.github.camelmessenger.sandbox.transcript.ReplayReport;
import io.github.camelmessenger.sandbox.transcript.Transcript;
import io.github.camelmessenger.sandbox.transcript.TranscriptReplayer;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Messenger sandbox in a route test: starts it on a free port, points the {@code messenger} component of a
 * CamelContext at it ({@link #bindTo}), and plays users.
 * <pre>
 * &#64;RegisterExtension
 * static MessengerSandboxExtension sandbox = new MessengerSandboxExtension();
 *
 * &#64;Override
 * protected CamelContext createCamelContext() throws Exception {
 *     CamelContext context = super.createCamelContext();
 *     sandbox.bindTo(context);
 *     return context;
 * }
 *
 * &#64;Test
 * void greets() {
 *     sandbox.user("alice").says("hi");
 *     sandbox.user("alice").receives().hasText("Hello alice!").hasQuickReplies("Offers", "Talk to a human");
 * }
 * </pre>
 * Each test starts with no users, faults or records; the clock keeps its time (it never goes back).
 */
public final class MessengerSandboxExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private final Sandbox.Builder builder;
    private Duration timeout = Duration.ofSeconds(10);
    private String webhookUrl;
    private volatile SandboxServer server;
    private volatile boolean classLevel;
    private final Map<String, TestUser> users = new ConcurrentHashMap<>();

    public MessengerSandboxExtension() {
        this(Sandbox.builder());
    }

    public MessengerSandboxExtension(Sandbox.Builder builder) {
        this.builder = builder;
    }

    /** How long an action waits for the webhook's answer and {@code receives()} for the bot (default 10 s). */
    public MessengerSandboxExtension timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Where the app's webhook is, when {@link #bindTo} cannot find it (an engine other than platform-http-vertx). */
    public MessengerSandboxExtension webhookUrl(String url) {
        this.webhookUrl = url;
        if (server != null) {
            server.sandbox().webhookUrl(url);
        }
        return this;
    }

    /**
     * Points the context's messenger component at the sandbox (base URI, Page token, app secret, verify token), binds
     * the sandbox clock in its registry, and delivers the users' events to the context's {@code messenger:webhook}.
     * Call it before routes are added.
     */
    public void bindTo(CamelContext context) {
        SandboxServer s = server();
        SandboxCamel.bind(context, s.sandbox(), s.graphBaseUri());
        if (webhookUrl == null) {
            s.sandbox().webhook(new WebhookLocator(context, "localhost"));
        }
    }

    /** The running sandbox (started on first use). */
    public Sandbox sandbox() {
        return server().sandbox();
    }

    public synchronized SandboxServer server() {
        if (server == null) {
            server = SandboxServer.start(builder.build(), 0);
            if (webhookUrl != null) {
                server.sandbox().webhookUrl(webhookUrl);
            }
        }
        return server;
    }

    public String graphBaseUri() {
        return server().graphBaseUri();
    }

    public String pageUrl() {
        return server().pageUrl();
    }

    /** The user with this name, created on first use in a test. */
    public TestUser user(String name) {
        return users.computeIfAbsent(name, n -> new TestUser(sandbox(), sandbox().findUser(n)
                .orElseGet(() -> sandbox().createUser(n)), timeout));
    }

    public Instant advanceClock(Duration duration) {
        return sandbox().advanceClock(duration);
    }

    /** The next {@code calls} Graph calls fail with this error code (the platform's message and status). */
    public void failNextCalls(int calls, int code) {
        ObjectNode fault = JsonNodeFactory.instance.objectNode().put("code", code).put("calls", calls);
        sandbox().faults().add(fault);
    }

    /** Every Graph call about this user fails with this code and subcode (0: the code's usual one), until reset. */
    public void failCallsFor(TestUser user, int code, int subcode) {
        ObjectNode fault = JsonNodeFactory.instance.objectNode().put("code", code).put("psid", user.psid());
        if (subcode != 0) {
            fault.put("subcode", subcode);
        }
        sandbox().faults().add(fault);
    }

    /** Every Graph call answers after this delay, until reset. */
    public void delayCalls(Duration latency) {
        sandbox().faults().add(JsonNodeFactory.instance.objectNode().put("latency", latency.toString()));
    }

    public Transcript transcript(TestUser user) {
        return Transcript.of(user.user(), sandbox().conversation(user.psid()).entries());
    }

    /** Replays a saved transcript as a fresh user; assert on {@link ReplayReport#passed()}. */
    public ReplayReport replay(Path transcript) {
        return replay(Transcript.read(transcript));
    }

    public ReplayReport replay(Transcript transcript) {
        try {
            return new TranscriptReplayer(sandbox(), timeout).replay(transcript);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while replaying", e);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        users.clear();
        if (server != null) {
            server.sandbox().reset();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // only called for a static field: the sandbox then lives as long as the test class
        classLevel = true;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        users.clear();
        if (!classLevel) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
