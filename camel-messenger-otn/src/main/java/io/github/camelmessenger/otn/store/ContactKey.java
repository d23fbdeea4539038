package io.github.camelmessenger.otn.store;

import java.util.Comparator;

/**
 * Identifies a contact: a user (PSID) of one Page. Also the paging cursor of the contact listings, which return
 * contacts in this order (page id, then PSID, by {@link String#compareTo}).
 */
public record ContactKey(String pageId, String psid) implements Comparable<ContactKey> {

    private static final Comparator<ContactKey> ORDER = Comparator.comparing(ContactKey::pageId)
            .thenComparing(ContactKey::psid);

    public ContactKey {
        StoreArgs.text("pageId", pageId, StoreArgs.ID_MAX);
        StoreArgs.text("psid", psid, StoreArgs.ID_MAX);
    }

    public static ContactKey of(String pageId, String psid) {
        return new ContactKey(pageId, psid);
    }

    @Override
    public int compareTo(ContactKey other) {
        return ORDER.compare(this, other);
    }
}
