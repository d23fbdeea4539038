package io.github.camelmessenger.sandbox;

import java.time.Duration;
import java.util.Set;

/**
 * How the sandbox presents itself: its Page, the bot's app and the secrets the app must be configured with.
 *
 * @param pageId                the Page's id
 * @param pageName              the Page's name (shown on the web page)
 * @param pageAccessToken       the token the app's Graph calls must carry
 * @param appId                 the bot's app id (the Page's default app for conversation routing)
 * @param appSecret             signs webhook deliveries and checks appsecret_proof
 * @param verifyToken           what the subscription handshake presents to the app
 * @param requireAppSecretProof whether Graph calls without appsecret_proof are refused (Require App Secret)
 * @param secondaryApps         other apps a thread may be passed to, besides the Page Inbox
 * @param deliveryTimeout       how long a webhook delivery may take the app to answer
 */
public record SandboxSettings(String pageId, String pageName, String pageAccessToken, String appId, String appSecret,
                              String verifyToken, boolean requireAppSecretProof, Set<String> secondaryApps,
                              Duration deliveryTimeout) {

    /** Secrets are never shown. */
    @Override
    public String toString() {
        return "SandboxSettings[page " + pageId + " (" + pageName + "), app " + appId + "]";
    }
}
