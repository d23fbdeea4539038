package io.github.camelmessenger;

/**
 * What a {@code messenger:} endpoint does. The producer operations map to Send API calls; {@code webhook} is the
 * consumer.
 */
public enum MessengerOperation {
    sendMessage,
    sendAttachment,
    uploadAttachment,
    sendButtonTemplate,
    sendGenericTemplate,
    sendMediaTemplate,
    sendSenderAction,
    sendCustomRequest,
    sendOneTimeNotificationRequest,
    sendToInbox,
    giveThreadControl,
    takeThreadControl,
    requestThreadControl,
    releaseThreadControl,
    extendThreadControl,
    getThreadOwner,
    waitForResponse,
    getUserProfile,
    createPersona,
    getPersona,
    listPersonas,
    deletePersona,
    subscribeApp,
    unsubscribeApp,
    webhook;

    public boolean isProducer() {
        return this != webhook;
    }

    /** Whether the operation calls the Graph API (waitForResponse only records state). */
    public boolean callsGraphApi() {
        return this != webhook && this != waitForResponse;
    }
}
