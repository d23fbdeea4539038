package io.github.camelmessenger.sandbox.junit;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.sandbox.conversation.Entry;

/** A message the bot sent (or tried to send) to a simulated user, with the sandbox's verdict. */
public final class BotMessage {

    private final Entry entry;

    BotMessage(Entry entry) {
        this.entry = entry;
    }

    public Entry entry() {
        return entry;
    }

    /** The request as the bot sent it. */
    public JsonNode json() {
        return entry.body();
    }

    public boolean accepted() {
        return entry.verdict().isAccepted();
    }

    /** The Graph error code the sandbox answered, or 0. */
    public int errorCode() {
        return entry.verdict().errorCode();
    }

    public int errorSubcode() {
        return entry.verdict().errorSubcode();
    }

    private JsonNode message() {
        return entry.body().path("message");
    }

    /** The text, or null for attachments and templates. */
    public String text() {
        JsonNode t = message().get("text");
        return t == null ? null : t.asText();
    }

    /** Quick reply titles; the pre-filled ones show as {@code user_email} / {@code user_phone_number}. */
    public List<String> quickReplies() {
        List<String> out = new ArrayList<>();
        message().path("quick_replies").forEach(q -> out.add(q.hasNonNull("title") ? q.get("title").asText()
                : q.path("content_type").asText()));
        return out;
    }

    public List<String> quickReplyPayloads() {
        List<String> out = new ArrayList<>();
        message().path("quick_replies").forEach(q -> out.add(q.path("payload").asText(null)));
        return out;
    }

    /** image, audio, video, file or template; null for text. */
    public String attachmentType() {
        JsonNode t = message().path("attachment").get("type");
        return t == null ? null : t.asText();
    }

    public String templateType() {
        return payload().path("template_type").asText(null);
    }

    /** The template payload (or the media payload of an attachment). */
    public JsonNode payload() {
        return message().path("attachment").path("payload");
    }

    /** Button titles of a button or media template, or of every card of a generic template. */
    public List<String> buttons() {
        List<String> out = new ArrayList<>();
        payload().path("buttons").forEach(b -> out.add(b.path("title").asText(b.path("type").asText())));
        payload().path("elements").forEach(e -> e.path("buttons")
                .forEach(b -> out.add(b.path("title").asText(b.path("type").asText()))));
        return out;
    }

    /** Card titles of a generic template. */
    public List<String> elements() {
        List<String> out = new ArrayList<>();
        payload().path("elements").forEach(e -> out.add(e.path("title").asText(null)));
        return out;
    }

    @Override
    public String toString() {
        return (accepted() ? "" : "rejected (" + errorCode() + ") ") + entry.body();
    }
}
