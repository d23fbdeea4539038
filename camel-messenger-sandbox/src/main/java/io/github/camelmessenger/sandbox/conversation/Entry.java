package io.github.camelmessenger.sandbox.conversation;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step of a conversation, in the order the sandbox saw it.
 *
 * @param seq     the sandbox-wide sequence number (orders entries of all conversations and the inspector)
 * @param psid    the simulated user
 * @param time    the sandbox clock's time
 * @param side    who
 * @param kind    user: {@code text}, {@code quick_reply}, {@code postback}, {@code notify_me}, {@code attachment},
 *                {@code delivery}, {@code read}; bot: {@code message}, {@code sender_action} or the Graph edge
 *                ({@code pass_thread_control}, ...); agent: {@code reply}, {@code take}, {@code handback};
 *                system: {@code clock}, {@code owner}
 * @param body    user: the webhook event as delivered; bot: the request as sent; agent/system: what happened
 * @param mid     the message id, when the entry is a message
 * @param standby user: whether the event went to the standby channel (another app owned the thread)
 * @param verdict what became of it
 */
public record Entry(long seq, String psid, Instant time, Side side, String kind, JsonNode body, String mid,
                    boolean standby, Verdict verdict) {

    public Entry withVerdict(Verdict v) {
        return new Entry(seq, psid, time, side, kind, body, mid, standby, v);
    }

    /** Whether this is a message the bot sent (or tried to send), not a sender action or thread control call. */
    public boolean isBotMessage() {
        return side == Side.BOT && "message".equals(kind);
    }
}
