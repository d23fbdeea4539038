package io.github.camelmessenger.webhook;

/**
 * An HTTP request to the webhook, independent of the HTTP engine that received it.
 *
 * @param method       GET, POST, ...
 * @param query        the raw (still percent-encoded) query string, or null
 * @param signature    the X-Hub-Signature-256 header, or null
 * @param body         the exact bytes received (empty for GET, and when the body was too large)
 * @param bodyTooLarge true when the body exceeded maxBodySize and was not read
 */
record WebhookRequest(String method, String query, String signature, byte[] body, boolean bodyTooLarge) {
}
