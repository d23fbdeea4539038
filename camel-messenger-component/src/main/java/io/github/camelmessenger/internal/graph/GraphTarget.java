package io.github.camelmessenger.internal.graph;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.camelmessenger.MessengerValidationException;

/**
 * Where a call may go. A path comes from options and headers ({@code pageId}, {@code CamelMessengerPageId},
 * {@code CamelMessengerGraphPath}) and must stay a Graph API path of the configured server: no {@code ..}, no other
 * host, no spaces. A plain {@code http://} base URI would carry the Page token in clear, so it is refused for hosts
 * other than the loopback (a local mock or the sandbox) unless allowed.
 */
public final class GraphTarget {

    /** Segments of ids and edge names; an optional query of plain parameters. */
    private static final Pattern PATH = Pattern.compile(
            "[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*(\\?[A-Za-z0-9_.,~%:=&\\-\\[\\]]*)?");

    private GraphTarget() {
    }

    /** Refuses a path that could leave the Graph API's path space. */
    public static void checkPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new MessengerValidationException("Graph API path", "must not be empty", path);
        }
        String pathPart = path.indexOf('?') >= 0 ? path.substring(0, path.indexOf('?')) : path;
        boolean dotSegment = false;
        for (String segment : pathPart.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                dotSegment = true;
            }
        }
        if (dotSegment || !PATH.matcher(path).matches()) {
            throw new MessengerValidationException("Graph API path (pageId, CamelMessengerPageId or "
                                                   + "CamelMessengerGraphPath)",
                    "segments of letters, digits, '_', '.' and '-' separated by '/', no '.' or '..' segment, no "
                                                                                     + "scheme, host or spaces, an optional ?query",
                    path);
        }
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
