package io.github.camelmessenger.internal.send;

import io.github.camelmessenger.MessengerConfiguration;
import io.github.camelmessenger.MessengerException;
import io.github.camelmessenger.MessengerPageTokenResolver;

/**
 * Picks the Page access token for a call: the resolver bean first, then the per-Page map, then the single token. Bots
 * serving several Pages get the Page from header CamelMessengerPageId, which the webhook consumer sets.
 */
public final class PageTokens {

    private final MessengerConfiguration configuration;

    public PageTokens(MessengerConfiguration configuration) {
        this.configuration = configuration;
    }

    public String tokenFor(String pageId) {
        if (pageId != null) {
            MessengerPageTokenResolver resolver = configuration.getTokenResolver();
            if (resolver != null) {
                String token = resolver.resolveToken(pageId);
                if (token != null && !token.isEmpty()) {
                    return token;
                }
            }
            String token = configuration.getPageAccessTokens().get(pageId);
            if (token != null && !token.isEmpty()) {
                return token;
            }
        }
        String token = configuration.getPageAccessToken();
        if (token != null && !token.isEmpty()) {
            return token;
        }
        throw new MessengerException(pageId == null
                ? "No Page access token: set the pageAccessToken option (or pageAccessToken.PAGEID / a tokenResolver "
                  + "together with header CamelMessengerPageId)"
                : "No Page access token for Page " + pageId
                  + ": set pageAccessToken." + pageId + ", a tokenResolver that knows it, or pageAccessToken");
    }
}
