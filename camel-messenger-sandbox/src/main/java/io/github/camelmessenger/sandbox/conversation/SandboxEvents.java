package io.github.camelmessenger.sandbox.conversation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that changes in the sandbox, as small JSON notices ({@code {"type":"entry",...}}): the web page's live
 * stream and the test kit's waits listen here.
 */
public final class SandboxEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxEvents.class);

    private final List<Consumer<ObjectNode>> listeners = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<ObjectNode> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(ObjectNode notice) {
        for (Consumer<ObjectNode> l : listeners) {
            try {
                l.accept(notice);
            } catch (RuntimeException e) {
                // one broken listener (a closed browser tab) must not stop the others
                LOG.debug("Sandbox listener failed: {}", e.toString());
            }
        }
    }
}
