package io.github.camelmessenger.sandbox.graph;

import java.time.Duration;

/**
 * A fault injected on demand: a Graph error and/or latency, for one user's calls, one Page's, or all, for the next
 * {@code remaining} matching calls (null: until removed).
 */
public record Fault(String id, Integer code, Integer subcode, String message, int httpStatus, Duration latency,
                    String psid, String pageId, Integer remaining) {

    boolean matches(String callPsid, String callPageId) {
        return (psid == null || psid.equals(callPsid)) && (pageId == null || pageId.equals(callPageId));
    }

    GraphError error() {
        return code == null ? null : ErrorCatalog.injected(code, subcode, message, httpStatus);
    }

    Fault spentOnce() {
        return remaining == null ? this
                : new Fault(id, code, subcode, message, httpStatus, latency, psid, pageId, remaining - 1);
    }
}
