package io.github.camelmessenger.sandbox.junit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.EventOutcome;
import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.SimulatedUser;
import io.github.camelmessenger.sandbox.conversation.Entry;

/**
 * A simulated user in a route test: each action is delivered to the app's webhook and returns once the webhook has
 * answered; {@link #receives()} waits for the bot's next message. No sleeps anywhere.
 * <pre>
 * sandbox.user("alice").says("hi");
 * sandbox.user("alice").receives().hasText("Hello!").hasQuickReplies("Yes", "No");
 * sandbox.user("alice").tapsQuickReply("Yes");
 * </pre>
 */
public final class TestUser {

    private final Sandbox sandbox;
    private final SimulatedUser user;
    private final Duration timeout;
    private long cursor;

    TestUser(Sandbox sandbox, SimulatedUser user, Duration timeout) {
        this.sandbox = sandbox;
        this.user = user;
        this.timeout = timeout;
    }

    public String psid() {
        return user.psid();
    }

    public String name() {
        return user.name();
    }

    public SimulatedUser user() {
        return user;
    }

    public TestUser says(String text) {
        return act(event("text").put("text", text));
    }

    /** Taps the quick reply with this title on screen. */
    public TestUser tapsQuickReply(String title) {
        return act(event("quick_reply").put("title", title));
    }

    public TestUser tapsQuickReplyWithPayload(String payload) {
        return act(event("quick_reply").put("payload", payload));
    }

    /** Taps the pre-filled e-mail quick reply: the user's e-mail address goes to the bot. */
    public TestUser sharesEmail() {
        return act(event("quick_reply").put("contentType", "user_email"));
    }

    public TestUser sharesPhoneNumber() {
        return act(event("quick_reply").put("contentType", "user_phone_number"));
    }

    /** Taps the postback button with this title (of any template the bot sent). */
    public TestUser tapsButton(String title) {
        return act(event("postback").put("title", title));
    }

    public TestUser tapsButtonWithPayload(String payload) {
        return act(event("postback").put("payload", payload));
    }

    /** Taps Notify Me on the bot's latest one-time notification request: the bot gets an opt-in with a token. */
    public TestUser tapsNotifyMe() {
        return act(event("notify_me"));
    }

    public TestUser sendsImage(String url) {
        return sendsAttachment("image", url);
    }

    public TestUser sendsAttachment(String type, String url) {
        return act(event("attachment").put("attachmentType", type).put("url", url));
    }

    public TestUser sendsLocation(double lat, double lon) {
        return act(event("attachment").put("attachmentType", "location").put("lat", lat).put("long", lon));
    }

    /** The user's Messenger reports the bot's messages delivered, then read. */
    public TestUser readsEverything() {
        act(event("delivery"));
        return act(event("read"));
    }

    /** Waits for the next message of the bot this user has not looked at yet. */
    public BotMessageAssert receives() {
        try {
            long after = cursor;
            List<Entry> next = sandbox.conversation(user.psid())
                    .await(e -> e.seq() > after && e.isBotMessage(), 1, timeout);
            if (next.isEmpty()) {
                throw new AssertionError("The bot sent " + user.name() + " no message within " + timeout
                                         + " (conversation so far: " + conversationSummary() + ")");
            }
            cursor = next.get(0).seq();
            return new BotMessageAssert(new BotMessage(next.get(0)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for the bot", e);
        }
    }

    /** Shortcut: the next message is this text. */
    public BotMessageAssert receivesText(String text) {
        return receives().hasText(text);
    }

    /** Everything so far, both sides. */
    public List<Entry> conversation() {
        return sandbox.conversation(user.psid()).entries();
    }

    /** The app owning the thread (null: idle). */
    public String threadOwner() {
        return sandbox.threadOwner(user.psid());
    }

    /** The Page Inbox, for this user's conversation. */
    public PageInboxAgent inbox() {
        return new PageInboxAgent(this);
    }

    TestUser act(ObjectNode event) {
        await(sandbox.act(user.psid(), event), event.toString());
        return this;
    }

    void await(CompletableFuture<EventOutcome> outcome, String what) {
        try {
            EventOutcome o = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!o.delivery().ok()) {
                throw new AssertionError("The app's webhook did not take " + user.name() + "'s " + what + ": "
                                         + o.entry().verdict().reason());
            }
        } catch (ExecutionException e) {
            throw new AssertionError(user.name() + "'s " + what + " failed: " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new AssertionError("The app's webhook did not answer " + user.name() + "'s " + what + " within "
                                     + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    Sandbox sandbox() {
        return sandbox;
    }

    private String conversationSummary() {
        return conversation().stream().map(e -> e.side() + ":" + e.kind() + (e.verdict().isAccepted() ? "" : "!"))
                .toList().toString();
    }

    private static ObjectNode event(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    @Override
    public String toString() {
        return "TestUser[" + user.name() + ", " + user.psid() + "]";
    }
}
