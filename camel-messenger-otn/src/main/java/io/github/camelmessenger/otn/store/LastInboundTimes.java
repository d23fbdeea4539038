package io.github.camelmessenger.otn.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelmessenger.state.ConversationStateRepository;

/**
 * Contacts' last inbound times, which the stores do not keep themselves: they live in a
 * {@link ConversationStateRepository}, the one place a user's last inbound time is kept (the messenger component's,
 * when the messenger-otn component created the store), so that the webhook consumer's records, the 24-hour window
 * check and the contacts agree.
 */
final class LastInboundTimes {

    private final ConversationStateRepository state;

    LastInboundTimes(ConversationStateRepository state) {
        this.state = state;
    }

    ConversationStateRepository state() {
        return state;
    }

    /**
     * Records the time; the latest time wins.
     *
     * @return whether it moved the user's last inbound time forward
     */
    boolean record(String pageId, String psid, Instant at) {
        Optional<Instant> before = state.lastInbound(pageId, psid);
        state.recordInbound(pageId, psid, at);
        return before.isEmpty() || before.get().isBefore(at);
    }

    Contact fill(Contact contact) {
        return with(contact, state.lastInbound(contact.pageId(), contact.psid()).orElse(null));
    }

    /** The contacts with their times: one lookup per Page (a listing's page holds few Pages). */
    List<Contact> fillAll(List<Contact> contacts) {
        Map<String, List<String>> byPage = new LinkedHashMap<>();
        contacts.forEach(c -> byPage.computeIfAbsent(c.pageId(), p -> new ArrayList<>()).add(c.psid()));
        Map<String, Map<String, Instant>> times = new LinkedHashMap<>();
        byPage.forEach((page, psids) -> times.put(page, state.lastInboundTimes(page, psids)));
        return contacts.stream().map(c -> with(c, times.get(c.pageId()).get(c.psid()))).toList();
    }

    private static Contact with(Contact c, Instant lastInbound) {
        return new Contact(c.pageId(), c.psid(), c.attributes(), lastInbound, c.createdAt(), c.updatedAt());
    }
}
