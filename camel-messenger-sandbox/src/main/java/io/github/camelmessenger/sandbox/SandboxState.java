package io.github.camelmessenger.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.conversation.Conversation;
import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.conversation.InspectorLog;
import io.github.camelmessenger.sandbox.conversation.InspectorRecord;
import io.github.camelmessenger.sandbox.conversation.SandboxEvents;
import io.github.camelmessenger.sandbox.conversation.Side;
import io.github.camelmessenger.sandbox.conversation.Verdict;
import io.github.camelmessenger.sandbox.conversation.Views;
import io.github.camelmessenger.sandbox.graph.Attachments;
import io.github.camelmessenger.sandbox.graph.GraphAnswer;
import io.github.camelmessenger.sandbox.graph.GraphRequest;
import io.github.camelmessenger.sandbox.graph.GraphWorld;
import io.github.camelmessenger.sandbox.graph.OtnTokens;
import io.github.camelmessenger.sandbox.graph.ThreadOwners;

/**
 * The sandbox's state: users, their conversations and windows, thread owners, tokens, attachments, and the records
 * the page and the test kit read. Changes happen under this object's lock; each is published as a notice.
 */
final class SandboxState implements GraphWorld {

    private final SandboxSettings settings;
    private final SandboxClock clock;
    private final SandboxEvents events = new SandboxEvents();
    private final InspectorLog inspector = new InspectorLog(500);
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, SimulatedUser> users = new LinkedHashMap<>();
    private final Map<String, Conversation> conversations = new HashMap<>();
    private final Map<String, Instant> lastInbound = new HashMap<>();
    private final ThreadOwners owners = new ThreadOwners();
    private final OtnTokens tokens = new OtnTokens();
    private final Attachments attachments = new Attachments();

    SandboxState(SandboxSettings settings, SandboxClock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    SandboxEvents events() {
        return events;
    }

    InspectorLog inspector() {
        return inspector;
    }

    SandboxSettings settings() {
        return settings;
    }

    synchronized SimulatedUser addUser(SimulatedUser user) {
        users.put(user.psid(), user);
        conversations.put(user.psid(), new Conversation(user.psid()));
        events.publish(Views.notice("users"));
        return user;
    }

    synchronized List<SimulatedUser> users() {
        return new ArrayList<>(users.values());
    }

    synchronized Conversation conversation(String psid) {
        Conversation c = conversations.get(psid);
        if (c == null) {
            throw BadRequestException.unknownUser(psid);
        }
        return c;
    }

    synchronized List<Conversation> conversations() {
        return new ArrayList<>(conversations.values());
    }

    synchronized void inbound(String psid, Instant when) {
        lastInbound.put(psid, when);
        owners.touch(psid, when);
    }

    synchronized void reset() {
        users.clear();
        conversations.clear();
        lastInbound.clear();
        owners.clear();
        tokens.clear();
        attachments.clear();
        inspector.clear();
        events.publish(Views.notice("reset"));
    }

    long nextSeq() {
        return seq.incrementAndGet();
    }

    /** Adds an entry to the user's conversation and tells the listeners. */
    Entry addEntry(String psid, Side side, String kind, JsonNode body, String mid, boolean standby, Verdict verdict) {
        Entry e = new Entry(nextSeq(), psid, clock.instant(), side, kind, body, mid, standby, verdict);
        conversation(psid).add(e);
        ObjectNode notice = Views.notice("entry");
        notice.set("entry", Views.entry(e));
        events.publish(notice);
        return e;
    }

    void updateEntry(Entry entry, Verdict verdict) {
        Entry updated = conversation(entry.psid()).update(entry.seq(), verdict);
        if (updated != null) {
            ObjectNode notice = Views.notice("entry");
            notice.set("entry", Views.entry(updated));
            events.publish(notice);
        }
    }

    void recordInspector(InspectorRecord record) {
        inspector.add(record);
        ObjectNode notice = Views.notice("inspector");
        notice.set("record", Views.record(record));
        events.publish(notice);
    }

    // ----- GraphWorld

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public String pageId() {
        return settings.pageId();
    }

    @Override
    public String pageName() {
        return settings.pageName();
    }

    @Override
    public String pageAccessToken() {
        return settings.pageAccessToken();
    }

    @Override
    public String appId() {
        return settings.appId();
    }

    @Override
    public boolean isKnownApp(String appId) {
        return ThreadOwners.PAGE_INBOX_APP_ID.equals(appId) || settings.secondaryApps().contains(appId)
               || settings.appId().equals(appId);
    }

    @Override
    public String appSecret() {
        return settings.appSecret();
    }

    @Override
    public boolean requireAppSecretProof() {
        return settings.requireAppSecretProof();
    }

    @Override
    public synchronized SimulatedUser user(String psid) {
        return psid == null ? null : users.get(psid);
    }

    @Override
    public synchronized Instant lastInbound(String psid) {
        return lastInbound.get(psid);
    }

    @Override
    public ThreadOwners owners() {
        return owners;
    }

    @Override
    public OtnTokens tokens() {
        return tokens;
    }

    @Override
    public Attachments attachments() {
        return attachments;
    }

    @Override
    public void recordBot(String psid, String kind, JsonNode request, String mid, Verdict verdict) {
        addEntry(psid, Side.BOT, kind, request, mid, false, verdict);
    }

    @Override
    public void controlEvent(String psid, String ownerAppId, String why) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("why", why);
        body.put("owner", ownerAppId);
        addEntry(psid, Side.SYSTEM, "owner", body, null, false, Verdict.accepted(null, why));
        ObjectNode notice = Views.notice("owner").put("psid", psid).put("why", why);
        notice.put("owner", ownerAppId);
        events.publish(notice);
    }

    @Override
    public void typing(String psid, boolean on) {
        events.publish(Views.notice("typing").put("psid", psid).put("on", on));
    }

    @Override
    public void recordCall(String psid, GraphRequest request, GraphAnswer answer) {
        recordInspector(new InspectorRecord(nextSeq(), now(), "graph", psid, request.method(),
                "/" + request.version() + "/" + request.path(), request.body(), answer.status(), answer.body(),
                answer.verdict()));
    }
}
