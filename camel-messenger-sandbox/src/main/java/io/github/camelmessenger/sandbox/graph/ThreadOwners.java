package io.github.camelmessenger.sandbox.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Who controls each conversation under Conversation Routing: an app, or nobody (idle, and then the Page's default
 * app, the bot, may answer). Control lapses after 24 hours without activity unless it was extended (up to 7 days).
 * Not thread-safe: the sandbox calls it under its own lock.
 */
public final class ThreadOwners {

    /** The Page Inbox app. */
    public static final String PAGE_INBOX_APP_ID = "263902037430900";
    public static final Duration IDLE_AFTER = Duration.ofHours(24);
    public static final Duration MAX_EXTENSION = Duration.ofDays(7);

    /** Who owns a thread and until when. */
    public record Owner(String appId, Instant expiresAt) {
    }

    private final Map<String, Owner> owners = new HashMap<>();

    /** The owner of the user's thread now, or null when the thread is idle. */
    public Owner owner(String psid, Instant now) {
        Owner o = owners.get(psid);
        if (o != null && !o.expiresAt().isAfter(now)) {
            owners.remove(psid);
            return null;
        }
        return o;
    }

    public String ownerAppId(String psid, Instant now) {
        Owner o = owner(psid, now);
        return o == null ? null : o.appId();
    }

    public void give(String psid, String appId, Instant now) {
        owners.put(psid, new Owner(appId, now.plus(IDLE_AFTER)));
    }

    public void release(String psid) {
        owners.remove(psid);
    }

    /** Activity in the thread pushes the idle expiry back, never before an extension's end. */
    public void touch(String psid, Instant now) {
        Owner o = owner(psid, now);
        if (o != null && o.expiresAt().isBefore(now.plus(IDLE_AFTER))) {
            owners.put(psid, new Owner(o.appId(), now.plus(IDLE_AFTER)));
        }
    }

    public void extend(String psid, Duration duration, Instant now) {
        Owner o = owner(psid, now);
        if (o != null) {
            owners.put(psid, new Owner(o.appId(), now.plus(duration)));
        }
    }

    public void clear() {
        owners.clear();
    }
}
