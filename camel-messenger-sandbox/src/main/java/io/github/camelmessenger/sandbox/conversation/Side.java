package io.github.camelmessenger.sandbox.conversation;

/** Who an entry of a conversation comes from. */
public enum Side {
    /** The simulated user (its webhook delivery to the app). */
    USER,
    /** The app under test, through the Graph API. */
    BOT,
    /** A person answering in the Page Inbox. */
    AGENT,
    /** The sandbox itself: thread control changes, clock jumps. */
    SYSTEM
}
