package io.github.camelmessenger.sandbox.junit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A person in the Page Inbox answering one user: replying takes the thread; handing back gives it to the bot. */
public final class PageInboxAgent {

    private final TestUser user;

    PageInboxAgent(TestUser user) {
        this.user = user;
    }

    public PageInboxAgent replies(String text) {
        user.await(user.sandbox().inbox(user.psid(), JsonNodeFactory.instance.objectNode().put("action", "reply")
                .put("text", text)), "Page Inbox reply");
        return this;
    }

    public PageInboxAgent takesControl() {
        user.await(user.sandbox().inbox(user.psid(), JsonNodeFactory.instance.objectNode().put("action", "take")),
                "Page Inbox take");
        return this;
    }

    /** Passes the conversation back to the bot (which gets pass_thread_control). */
    public PageInboxAgent handsBack() {
        user.await(user.sandbox().inbox(user.psid(), JsonNodeFactory.instance.objectNode().put("action",
                "handback")), "Page Inbox hand-back");
        return this;
    }
}
