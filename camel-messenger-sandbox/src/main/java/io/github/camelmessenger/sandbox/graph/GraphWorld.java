package io.github.camelmessenger.sandbox.graph;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.sandbox.SimulatedUser;
import io.github.camelmessenger.sandbox.conversation.Verdict;

/**
 * What the Graph API simulation reads and changes in the sandbox. Every call runs under the sandbox's lock, so the
 * state it reads does not move under it.
 */
public interface GraphWorld {

    Instant now();

    String pageId();

    String pageName();

    String pageAccessToken();

    /** The app the Page's token belongs to: the bot under test. */
    String appId();

    /** Apps a thread may be passed to besides the bot: the Page Inbox and configured secondary receivers. */
    boolean isKnownApp(String appId);

    /** The app secret for appsecret_proof, or null. */
    String appSecret();

    boolean requireAppSecretProof();

    /** The simulated user, or null. */
    SimulatedUser user(String psid);

    /** When the user last did something that opens the messaging window, or null when never. */
    Instant lastInbound(String psid);

    ThreadOwners owners();

    OtnTokens tokens();

    Attachments attachments();

    /** Records a call of the bot that concerns a user, with the sandbox's verdict. */
    void recordBot(String psid, String kind, JsonNode request, String mid, Verdict verdict);

    /** Something happened to thread control; {@code ownerAppId} is the owner after it (null: idle). */
    void controlEvent(String psid, String ownerAppId, String why);

    /** The bot's typing indicator for a user. */
    void typing(String psid, boolean on);

    /** Records a call for the inspector. */
    void recordCall(String psid, GraphRequest request, GraphAnswer answer);
}
