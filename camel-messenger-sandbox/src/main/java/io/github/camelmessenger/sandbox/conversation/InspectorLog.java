package io.github.camelmessenger.sandbox.conversation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest Graph API calls and webhook deliveries, oldest first; bounded so a long demo does not grow forever. */
public final class InspectorLog {

    private final int capacity;
    private final Deque<InspectorRecord> records = new ArrayDeque<>();

    public InspectorLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(InspectorRecord record) {
        records.addLast(record);
        while (records.size() > capacity) {
            records.removeFirst();
        }
    }

    public synchronized List<InspectorRecord> records() {
        return List.copyOf(records);
    }

    public synchronized void clear() {
        records.clear();
    }
}
