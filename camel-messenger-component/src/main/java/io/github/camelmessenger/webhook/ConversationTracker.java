package io.github.camelmessenger.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.event.MessengerEvent;
import io.github.camelmessenger.model.event.MessengerEventType;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.state.Wait;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the conversation state up to date as events arrive: each user's last inbound time (the 24-hour window) and
 * the resolution of a pending waitForResponse by the user's next input.
 */
final class ConversationTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationTracker.class);

    /** What the user does that opens the messaging window. */
    private static final Set<MessengerEventType> INBOUND = EnumSet.of(MessengerEventType.MESSAGE,
            MessengerEventType.QUICK_REPLY, MessengerEventType.POSTBACK, MessengerEventType.REACTION,
            MessengerEventType.REFERRAL, MessengerEventType.OPTIN);
    /** What answers a wait: text, quick replies, postbacks and any file (attachments arrive as messages). */
    private static final Set<MessengerEventType> ANSWERS = EnumSet.of(MessengerEventType.MESSAGE,
            MessengerEventType.QUICK_REPLY, MessengerEventType.POSTBACK);

    private final ConversationStateRepository repository;
    private final Clock clock;

    ConversationTracker(ConversationStateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Before the route: records the inbound time and, when the event answers a wait, takes the wait and sets header
     * CamelMessengerWaitStep.
     *
     * @return the wait this event resolved, to be restored if the route fails; null when none
     */
    Wait onEvent(MessengerEvent event, Message message) {
        if (event.pageId() == null || event.senderId() == null) {
            return null;
        }
        if (INBOUND.contains(event.type())) {
            repository.recordInbound(event.pageId(), event.senderId(), Instant.ofEpochMilli(event.timestamp()));
        }
        // standby events are answers to whoever controls the thread, not to this bot
        if (event.standby() || !ANSWERS.contains(event.type())) {
            return null;
        }
        // taken for this route only: confirmed when it ends, given back when it fails, free again if the node dies
        Optional<Wait> wait = repository.takeWaitForRoute(event.pageId(), event.senderId(), clock.instant());
        wait.ifPresent(w -> message.setHeader(MessengerConstants.WAIT_STEP, w.step()));
        return wait.orElse(null);
    }

    /** The route ran to its end on the answer: the wait is resolved for good. */
    void onSuccess(Wait resolved) {
        confirm(repository, resolved);
    }

    /**
     * The route failed on the answer: give the wait back (unless a newer one was set meanwhile), so the platform's
     * redelivery of the event resolves it again.
     */
    void onFailure(Wait resolved) {
        restore(repository, resolved);
    }

    static void confirm(ConversationStateRepository repository, Wait wait) {
        try {
            repository.confirmWait(wait);
        } catch (RuntimeException e) {
            // not lost: the take lapses after the repository's lease and the wait is handled again
            LOG.warn("Could not confirm the wait for step {} of user {}: {}", wait.step(), wait.psid(),
                    e.getMessage());
        }
    }

    static void restore(ConversationStateRepository repository, Wait wait) {
        try {
            repository.releaseWait(wait);
        } catch (RuntimeException e) {
            LOG.warn("Could not restore the wait for step {} of user {}: {}", wait.step(), wait.psid(),
                    e.getMessage());
        }
    }
}
