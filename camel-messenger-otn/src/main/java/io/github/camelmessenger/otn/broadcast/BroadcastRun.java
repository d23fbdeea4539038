package io.github.camelmessenger.otn.broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One poll of a broadcast: the tokens it will release when it ends, and why it ended early. */
final class BroadcastRun {

    private static final Logger LOG = LoggerFactory.getLogger(BroadcastConsumer.class);

    private final String topic;
    private final int failureStreakLimit;
    private final Queue<String> deferred = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failureStreak = new AtomicInteger();
    private volatile boolean closed;
    private volatile String endedBy;

    BroadcastRun(String topic, int failureStreakLimit) {
        this.topic = topic;
        this.failureStreakLimit = failureStreakLimit;
    }

    /** @return false when the run is over: the caller releases the token itself */
    boolean defer(String token) {
        if (closed) {
            return false;
        }
        deferred.add(token);
        if (closed && deferred.remove(token)) {
            return false; // close() ran meanwhile and did not see it
        }
        return true;
    }

    void succeeded() {
        failureStreak.set(0);
    }

    void failedTransiently(String reason) {
        if (failureStreak.incrementAndGet() >= failureStreakLimit && endedBy == null) {
            end(failureStreakLimit + " sends in a row failed transiently, last: " + reason);
        }
    }

    void end(String why) {
        if (endedBy == null) {
            endedBy = why;
            LOG.warn("Broadcast of topic {} ends early, the rest waits for the next poll: {}", topic,
                    why);
        }
    }

    /** @return the deferred tokens, to release; later ones are released by their completion */
    List<String> close() {
        closed = true;
        List<String> all = new ArrayList<>();
        for (String t; (t = deferred.poll()) != null;) {
            all.add(t);
        }
        return all;
    }

    /** Why the run ended early, or null. */
    String endedBy() {
        return endedBy;
    }
}
