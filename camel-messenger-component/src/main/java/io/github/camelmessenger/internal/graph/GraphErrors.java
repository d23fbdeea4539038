package io.github.camelmessenger.internal.graph;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerThreadControlException;

/**
 * Maps a Graph API error answer to a {@link MessengerApiException} and decides whether it is worth retrying
 * (messenger-platform.md §6.2 and §9.2).
 */
public final class GraphErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GraphErrors() {
    }

    /**
     * Parses {@code {"error":{"message","type","code","error_subcode","fbtrace_id"}}}. A body without that object
     * (an HTML error page from a proxy, an empty 502, ...) still becomes an exception, with code 0 and a message
     * taken from the HTTP status.
     */
    public static MessengerApiException fromResponse(int httpStatus, byte[] body) {
        int code = 0;
        int subcode = 0;
        String type = null;
        String fbtraceId = null;
        String message = null;
        JsonNode error = parseError(body);
        if (error != null && error.isObject()) {
            code = error.path("code").asInt(0);
            subcode = error.path("error_subcode").asInt(0);
            type = textOrNull(error.get("type"));
            fbtraceId = textOrNull(error.get("fbtrace_id"));
            message = textOrNull(error.get("message"));
        } else if (error != null && error.isTextual()) {
            // the OAuth flavour: {"error":"invalid_token","error_description":"..."}
            message = error.asText();
        }
        if (message == null) {
            message = statusText(httpStatus);
        }
        if (MessengerThreadControlException.matches(code, subcode)) {
            return new MessengerThreadControlException(httpStatus, code, subcode, type, fbtraceId, message);
        }
        return new MessengerApiException(httpStatus, code, subcode, type, fbtraceId, message,
                isRetryable(httpStatus, code, subcode), isRateLimited(httpStatus, code, subcode));
    }

    /**
     * Whether the same call may succeed later: codes 1200 and 2 (except 2/2018344), the rate-limit codes 4, 17, 32,
     * 341 and 613 (except 613/2018338 tag abuse, 613/1893016 duplicate opt-in, 4/2018354 marketing frequency), and
     * HTTP 5xx or 429 answers that carry no error code. Everything else (551, 10, 100, 190, 200, 368, 2018300, ...)
     * is permanent: the same call would fail the same way.
     */
    public static boolean isRetryable(int httpStatus, int code, int subcode) {
        switch (code) {
            case 0:
                return httpStatus >= 500 || httpStatus == 429;
            case 1200:
                return true;
            case 2:
                return subcode != 2018344;
            case 4:
                return subcode != 2018354;
            case 17:
            case 32:
            case 341:
                return true;
            case 613:
                return subcode != 2018338 && subcode != 1893016;
            default:
                return false;
        }
    }

    /**
     * Whether the platform refused the call for a rate limit: codes 4, 17, 32, 341 and 613 (not 613/1893016, a
     * duplicate opt-in), and HTTP 429 without an error code. Some of these are not retryable (see
     * {@link #isRetryable}): they ask the sender to slow down rather than to send the same call again.
     */
    public static boolean isRateLimited(int httpStatus, int code, int subcode) {
        switch (code) {
            case 0:
                return httpStatus == 429;
            case 4:
            case 17:
            case 32:
            case 341:
                return true;
            case 613:
                return subcode != 1893016;
            default:
                return false;
        }
    }

    private static JsonNode parseError(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            return root == null ? null : root.get("error");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String statusText(int httpStatus) {
        String reason = switch (httpStatus) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> null;
        };
        return reason == null ? "HTTP " + httpStatus : "HTTP " + httpStatus + " " + reason;
    }
}
