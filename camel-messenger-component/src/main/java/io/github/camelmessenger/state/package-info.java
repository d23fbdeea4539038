/**
 * Conversation state shared by the webhook consumer and the producer: pending waits for a user's next input
 * ({@code messenger:waitForResponse}) and each user's last inbound message time (the 24-hour window).
 * <p>
 * {@link io.github.camelmessenger.state.ConversationStateRepository} is the SPI;
 * {@link io.github.camelmessenger.state.InMemoryConversationStateRepository} keeps state in one JVM and
 * {@link io.github.camelmessenger.state.JdbcConversationStateRepository} in a database that several Camel contexts
 * (nodes) may share. Both keep exactly the same contract, which one test suite checks against each of them.
 * Nothing here knows about HTTP or Camel exchanges: callers pass the current time in, so expiry is decided by the
 * caller's clock and the tests need no sleeping.
 */
package io.github.camelmessenger.state;
