package io.github.camelmessenger.internal.graph;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;

/**
 * The call deadlines ({@code callTimeout}) of one client, checked by one periodic timer. A Vert.x timer per call was
 * two tasks on an event loop per send (set, then cancel), handed over from the caller's thread: as much as a third of
 * what the client spent on a send. A deadline fires within one tick after it passed (a twentieth of the timeout,
 * between 5 ms and half a second).
 */
final class Deadlines {

    private final Vertx vertx;
    private final long timeoutNanos;
    private final long tickMillis;
    /** Calls in progress and when their time is up ({@link System#nanoTime()}). */
    private final Map<GraphCall, Long> pending = new ConcurrentHashMap<>();
    private volatile boolean ticking;
    private long timerId = -1;
    private boolean closed;

    Deadlines(Vertx vertx, long timeoutMillis) {
        this.vertx = vertx;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.tickMillis = Math.max(5, Math.min(500, timeoutMillis / 20));
    }

    void add(GraphCall call) {
        pending.put(call, System.nanoTime() + timeoutNanos);
        if (!ticking) {
            startTicking();
        }
    }

    void remove(GraphCall call) {
        pending.remove(call);
    }

    private synchronized void startTicking() {
        if (!ticking && !closed) {
            timerId = vertx.setPeriodic(tickMillis, id -> expire());
            ticking = true;
        }
    }

    private void expire() {
        long now = System.nanoTime();
        for (Map.Entry<GraphCall, Long> e : pending.entrySet()) {
            if (now - e.getValue() >= 0 && pending.remove(e.getKey(), e.getValue())) {
                e.getKey().onDeadline();
            }
        }
    }

    synchronized void close() {
        closed = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        ticking = false;
    }

    int pending() {
        return pending.size();
    }
}
