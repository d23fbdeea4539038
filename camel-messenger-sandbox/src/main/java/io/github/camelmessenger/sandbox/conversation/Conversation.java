package io.github.camelmessenger.sandbox.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Both sides of one simulated user's conversation, in order. Waiting for an entry blocks on a condition signalled by
 * every change, so the test kit never sleeps.
 */
public final class Conversation {

    private final String psid;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Entry> entries = new ArrayList<>();

    public Conversation(String psid) {
        this.psid = psid;
    }

    public String psid() {
        return psid;
    }

    public void add(Entry entry) {
        lock.lock();
        try {
            entries.add(entry);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Replaces the entry with the same sequence number (a verdict that became known later). */
    public Entry update(long seq, Verdict verdict) {
        lock.lock();
        try {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).seq() == seq) {
                    Entry updated = entries.get(i).withVerdict(verdict);
                    entries.set(i, updated);
                    changed.signalAll();
                    return updated;
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    public List<Entry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** The latest entry matching the predicate. */
    public Optional<Entry> last(Predicate<Entry> predicate) {
        lock.lock();
        try {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (predicate.test(entries.get(i))) {
                    return Optional.of(entries.get(i));
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} entries match the predicate and returns them all.
     *
     * @return the matching entries, or those there are when the timeout passed (fewer than {@code count})
     */
    public List<Entry> await(Predicate<Entry> predicate, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<Entry> matching = entries.stream().filter(predicate).toList();
                long left = deadline - System.nanoTime();
                if (matching.size() >= count || left <= 0) {
                    return matching;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
