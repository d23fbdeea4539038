package io.github.camelmessenger.sandbox.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.camelmessenger.sandbox.Ids;

/**
 * Saved attachments ({@code is_reusable} sends and the upload edge): Page-private ids that expire after 90 days. A
 * small uploaded file is kept so the web page can show it. Not thread-safe: the sandbox calls it under its lock.
 */
public final class Attachments {

    public static final Duration LIFETIME = Duration.ofDays(90);
    /** Uploaded files up to this size are kept in memory to be shown on the page. */
    static final int KEEP_BYTES = 8 * 1024 * 1024;

    /** A saved attachment; {@code url} is null for an upload, {@code data} null for a URL or a large file. */
    public record Saved(String id, String pageId, String type, String url, String contentType, byte[] data,
                        boolean reusable, Instant createdAt) {
    }

    private final Map<String, Saved> saved = new HashMap<>();

    public Saved save(String pageId, String type, String url, String contentType, byte[] data, boolean reusable,
                      Instant now) {
        byte[] kept = data != null && data.length <= KEEP_BYTES ? data : null;
        Saved s = new Saved(Ids.attachmentId(), pageId, type, url, contentType, kept, reusable, now);
        saved.put(s.id(), s);
        return s;
    }

    /** The attachment if it was saved for reuse by the Page and has not expired, else null. */
    public Saved find(String id, String pageId, Instant now) {
        Saved s = saved.get(id);
        if (s == null || !s.reusable() || !s.pageId().equals(pageId) || !s.createdAt().plus(LIFETIME).isAfter(now)) {
            return null;
        }
        return s;
    }

    public Saved get(String id) {
        return saved.get(id);
    }

    public void clear() {
        saved.clear();
    }
}
