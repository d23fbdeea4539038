package io.github.camelmessenger.state;

class InMemoryConversationStateRepositoryTest extends ConversationStateRepositoryContract {

    @Override
    protected ConversationStateRepository newRepository() {
        return new InMemoryConversationStateRepository();
    }
}
