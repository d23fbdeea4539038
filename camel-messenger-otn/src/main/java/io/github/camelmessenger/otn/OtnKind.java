package io.github.camelmessenger.otn;

/** What a {@code messenger-otn} endpoint does: the path of its URI. */
public enum OtnKind {
    /** Producer: stores the token of the current opt-in exchange. */
    store(true),
    /** Producer: sets one attribute of the contact (value = body; a null body removes it). */
    setAttribute(true),
    /** Producer: puts the contact's attributes into header CamelMessengerOtnAttributes. */
    getAttributes(true),
    /** Producer: records the contact's last inbound message time. */
    recordInbound(true),
    /**
     * Producer: claims the valid token of the topic held by the user in CamelMessengerRecipientId and sets it for the
     * following messenger send; its outcome is recorded when the exchange is done, as by the broadcast.
     */
    notify(true),
    /** Producer: the body becomes the user's number of valid tokens per topic (a {@code Map<String, Integer>}). */
    tokens(true),
    /** Producer: the user unsubscribed from the topic: their valid tokens of it are retired (reason revoked). */
    revoke(true),
    /** Scheduled consumer: one exchange per holder of a valid token of the topic. */
    broadcast(false),
    /** Scheduled consumer: one exchange per contact holding no valid token of the topic (the fallback audience). */
    withoutToken(false);

    private final boolean producer;

    OtnKind(boolean producer) {
        this.producer = producer;
    }

    public boolean isProducer() {
        return producer;
    }
}
