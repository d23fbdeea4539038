package io.github.camelmessenger;

/**
 * Picks the Page access token for a Page, for bots that serve several Pages. Bind an implementation in the registry
 * (option {@code tokenResolver}); it is asked before the {@code pageAccessTokens} map and the single
 * {@code pageAccessToken}.
 */
@FunctionalInterface
public interface MessengerPageTokenResolver {

    /**
     * @param  pageId the Page id from header {@code CamelMessengerPageId}, never null
     * @return        the token, or null when this resolver does not know the Page
     */
    String resolveToken(String pageId);
}
