package io.github.camelmessenger.internal.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Graph API call, before authentication and pacing are applied by {@link GraphClient}.
 *
 * @param method      the HTTP method, upper case ({@code GET}, {@code POST}, {@code DELETE})
 * @param path        the path after the API version, e.g. {@code me/messages}, {@code 1234/message_attachments}; a
 *                    leading {@code /} is dropped. It must already be URL-safe (ids and fixed names are).
 * @param query       query parameters, URL-encoded by the client; never the access token (it travels in the
 *                    {@code Authorization} header)
 * @param body        the request body, or {@code null}; not copied, so do not change it after the call
 * @param contentType the body's content type, or {@code null}
 * @param accessToken the Page access token, or {@code null} for an unauthenticated call
 * @param appSecret   the app secret: when set every call carries {@code appsecret_proof}
 * @param pageKey     what pacing is counted per (normally the Page id); {@code null} counts all such calls together
 * @param rateClass   which Send API rate budget the call draws from; {@code null} means {@link RateClass#NONE}
 */
public record GraphRequest(String method, String path, Map<String, String> query, byte[] body, String contentType,
                           String accessToken, String appSecret, String pageKey, RateClass rateClass) {

    static final String JSON = "application/json";

    public GraphRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        if (!path.isEmpty() && path.charAt(0) == '/') {
            path = path.substring(1);
        }
        query = copyOf(query);
        if (rateClass == null) {
            rateClass = RateClass.NONE;
        }
    }

    /** A JSON {@code POST}, the shape of every Send API call. */
    public static GraphRequest postJson(String path, byte[] json, String accessToken, String appSecret, String pageKey,
                                        RateClass rateClass) {
        return new GraphRequest("POST", path, Map.of(), json, JSON, accessToken, appSecret, pageKey, rateClass);
    }

    /** A {@code multipart/form-data} {@code POST}, e.g. a file upload to {@code me/message_attachments}. */
    public static GraphRequest postMultipart(String path, Multipart multipart, String accessToken, String appSecret,
                                             String pageKey, RateClass rateClass) {
        return new GraphRequest("POST", path, Map.of(), multipart.body(), multipart.contentType(), accessToken,
                appSecret, pageKey, rateClass);
    }

    /** A {@code GET} (profile lookups, thread owner, ...): never paced. */
    public static GraphRequest get(String path, Map<String, String> query, String accessToken, String appSecret,
                                   String pageKey) {
        return new GraphRequest("GET", path, query, null, null, accessToken, appSecret, pageKey, RateClass.NONE);
    }

    /** A {@code POST} whose parameters travel in the query (e.g. {@code subscribed_apps}): never paced. */
    public static GraphRequest post(String path, Map<String, String> query, String accessToken, String appSecret,
                                    String pageKey) {
        return new GraphRequest("POST", path, query, null, null, accessToken, appSecret, pageKey, RateClass.NONE);
    }

    /** A {@code DELETE} (e.g. removing a persona or a profile field): never paced. */
    public static GraphRequest delete(String path, Map<String, String> query, String accessToken, String appSecret,
                                      String pageKey) {
        return new GraphRequest("DELETE", path, query, null, null, accessToken, appSecret, pageKey, RateClass.NONE);
    }

    private static Map<String, String> copyOf(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        // keeps the caller's order, so the URL is predictable
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.forEach((k, v) -> {
            Objects.requireNonNull(k, "query parameter name");
            Objects.requireNonNull(v, () -> "query parameter " + k);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Never shows the token, the secret, or any credential passed as a query parameter. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(128).append("GraphRequest[").append(method).append(' ').append(path);
        if (!query.isEmpty()) {
            sb.append(", query={");
            boolean first = true;
            for (Map.Entry<String, String> e : query.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(e.getKey()).append('=').append(Redaction.isCredential(e.getKey()) ? "***" : e.getValue());
            }
            sb.append('}');
        }
        sb.append(", body=").append(body == null ? 0 : body.length).append(" bytes");
        if (contentType != null) {
            sb.append(", contentType=").append(contentType);
        }
        sb.append(", accessToken=").append(accessToken == null ? "none" : "***");
        sb.append(", appSecret=").append(appSecret == null ? "none" : "***");
        sb.append(", pageKey=").append(pageKey).append(", rateClass=").append(rateClass).append(']');
        return sb.toString();
    }
}
