package io.github.camelmessenger.otn.store;

import java.time.Clock;
import java.util.Collections;
import java.util.List;

import io.github.camelmessenger.state.ConversationStateRepository;

/** The store contract on {@link InMemoryOtnStore}. */
class InMemoryOtnStoreTest extends AbstractOtnStoreContractTest {

    @Override
    protected OtnStore createStore(Clock clock) {
        OtnStore s = new InMemoryOtnStore(clock);
        s.start();
        return s;
    }

    @Override
    protected ConversationStateRepository conversationStateOf(OtnStore store) {
        return ((InMemoryOtnStore) store).getConversationState();
    }

    @Override
    protected List<OtnStore> sharingStores(int n) {
        // one instance is the only way to share in-memory data; its lock is what the threads contend on
        return Collections.nCopies(n, createStore(Clock.systemUTC()));
    }

    @Override
    protected int concurrencyTokens() {
        return 10_000;
    }
}
