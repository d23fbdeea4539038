package io.github.camelmessenger.internal.graph;

import java.net.URI;
import java.util.Locale;

import io.github.camelmessenger.MessengerValidationException;

/**
 * Where a call may go. A path comes from options and headers ({@code pageId}, {@code CamelMessengerPageId},
 * {@code CamelMessengerGraphPath}) and must stay a Graph API path of the configured server: no {@code ..}, no other
 * host, no spaces. A plain {@code http://} base URI would carry the Page token in clear, so it is refused for hosts
 * other than the loopback (a local mock or the sandbox) unless allowed.
 */
public final class GraphTarget {

    private GraphTarget() {
    }

    /** Refuses a path that could leave the Graph API's path space. */
    public static void checkPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new MessengerValidationException("Graph API path", "must not be empty", path);
        }
        if (!isGraphPath(path)) {
            throw new MessengerValidationException("Graph API path (pageId, CamelMessengerPageId or "
                                                   + "CamelMessengerGraphPath)",
                    "segments of letters, digits, '_', '.' and '-' separated by '/', no '.' or '..' segment, no "
                                                                                     + "scheme, host or spaces, an optional ?query",
                    path);
        }
    }

    /**
     * Segments of {@code [A-Za-z0-9_.-]} separated by '/', none empty, '.' or '..', then an optional query of those
     * and {@code ,~%:=&[]}: in one pass, as every send runs it (a regular expression and a split cost more than the
     * rest of the request's checks).
     */
    static boolean isGraphPath(String path) {
        int n = path.length();
        int i = 0;
        int segmentStart = 0;
        for (; i < n; i++) {
            char c = path.charAt(i);
            if (c == '/' || c == '?') {
                if (!segment(path, segmentStart, i)) {
                    return false;
                }
                if (c == '?') {
                    break;
                }
                segmentStart = i + 1;
            } else if (!pathChar(c)) {
                return false;
            }
        }
        if (i == n) {
            return segment(path, segmentStart, n);
        }
        for (int q = i + 1; q < n; q++) {
            if (!queryChar(path.charAt(q))) {
                return false;
            }
        }
        return true;
    }

    private static boolean segment(String path, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return false;
        }
        boolean dots = path.charAt(from) == '.' && (length == 1 || length == 2 && path.charAt(from + 1) == '.');
        return !dots;
    }

    private static boolean pathChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
               || c == '-';
    }

    private static boolean queryChar(char c) {
        return pathChar(c) || ",~%:=&[]".indexOf(c) >= 0;
    }

    /** Refuses {@code http://} to another host than the loopback unless {@code allowInsecure}. */
    public static void checkBaseUri(String baseUri, boolean allowInsecure) {
        URI uri;
        try {
            uri = URI.create(baseUri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUri '" + baseUri + "' is not a URI: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUri '" + baseUri + "' must be https://host[:port][/path]");
        }
        if (scheme.equals("http") && !allowInsecure && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("baseUri '" + baseUri + "' is plain http to " + uri.getHost()
                                               + ": the Page token would travel in clear. Use https, or set "
                                               + "allowInsecureBaseUri=true for a trusted network");
        }
    }

    private static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("[::1]")
               || h.equals("::1");
    }
}
