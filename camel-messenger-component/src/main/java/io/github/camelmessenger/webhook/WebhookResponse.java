package io.github.camelmessenger.webhook;

/** What the webhook answers: a status and a short plain-text body. */
record WebhookResponse(int status, String body) {

    static final WebhookResponse RECEIVED = new WebhookResponse(200, "EVENT_RECEIVED");
    static final WebhookResponse FORBIDDEN = new WebhookResponse(403, "Forbidden");
    static final WebhookResponse BAD_SIGNATURE = new WebhookResponse(403, "Missing or invalid X-Hub-Signature-256");
    static final WebhookResponse TOO_LARGE = new WebhookResponse(413, "Payload too large");
    static final WebhookResponse METHOD_NOT_ALLOWED = new WebhookResponse(405, "Method not allowed");
    /** Asks the platform to deliver again: an event could not be processed (or stored). */
    static final WebhookResponse FAILED = new WebhookResponse(500, "Processing failed; deliver again");

    static WebhookResponse badRequest(String reason) {
        return new WebhookResponse(400, reason);
    }

    static WebhookResponse challenge(String challenge) {
        return new WebhookResponse(200, challenge);
    }
}
