package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

import io.github.camelmessenger.jdbc.SqlErrors;

import static io.github.camelmessenger.otn.store.OtnJdbc.instant;
import static io.github.camelmessenger.otn.store.OtnJdbc.setInstant;
import static io.github.camelmessenger.otn.store.OtnJdbc.update;

/**
 * Contacts and their attributes in a {@link JdbcOtnStore}: tables {@code <prefix>otn_contact} and
 * {@code <prefix>otn_attribute}. Contacts are listed in key order ({@code COLLATE "C"} on PostgreSQL, so that the
 * order is Java's), a page at a time after a {@link ContactKey} cursor. Their last inbound times are not in these
 * tables: they come from the conversation state ({@link LastInboundTimes}).
 */
final class JdbcContacts {

    private static final String CONTACT_COLUMNS = "c.page_id, c.psid, c.created_at, c.updated_at";

    /** Which contacts a listing returns. */
    private enum Holding {
        ANY, WITH_TOKEN, WITHOUT_TOKEN
    }

    private final OtnJdbc jdbc;
    private final OtnTables t;
    private final LastInboundTimes inbound;

    JdbcContacts(OtnJdbc jdbc, OtnTables tables, LastInboundTimes inbound) {
        this.jdbc = jdbc;
        this.t = tables;
        this.inbound = inbound;
    }

    void setAttribute(String pageId, String psid, String name, String value) {
        ContactKey.of(pageId, psid); // validates both
        StoreArgs.text("name", name, StoreArgs.ATTRIBUTE_NAME_MAX);
        StoreArgs.optionalText("value", value, StoreArgs.ATTRIBUTE_VALUE_MAX);
        Instant now = jdbc.now();
        jdbc.call("set attribute " + name, List.of(), c -> {
            ensureContact(c, pageId, psid, now);
            if (value == null) {
                update(c, "DELETE FROM " + t.attributes() + " WHERE page_id = ? AND psid = ? AND attr_name = ?",
                        pageId, psid, name);
            } else if (t.postgres()) {
                update(c, "INSERT INTO " + t.attributes() + " (page_id, psid, attr_name, attr_value) VALUES (?, ?, ?, ?)"
                          + " ON CONFLICT (page_id, psid, attr_name) DO UPDATE SET attr_value = EXCLUDED.attr_value",
                        pageId, psid, name, value);
            } else if (updateAttribute(c, pageId, psid, name, value) == 0
                       && insertAttributeIfAbsent(c, pageId, psid, name, value) == 0) {
                updateAttribute(c, pageId, psid, name, value); // inserted concurrently: overwrite
            }
            touch(c, pageId, psid, now);
            return null;
        });
    }

    private int updateAttribute(Connection c, String pageId, String psid, String name, String value)
            throws SQLException {
        return update(c, "UPDATE " + t.attributes() + " SET attr_value = ? WHERE page_id = ? AND psid = ?"
                         + " AND attr_name = ?", value, pageId, psid, name);
    }

    private int insertAttributeIfAbsent(Connection c, String pageId, String psid, String name, String value)
            throws SQLException {
        try {
            return update(c, "INSERT INTO " + t.attributes() + " (page_id, psid, attr_name, attr_value)"
                             + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM " + t.attributes()
                             + " WHERE page_id = ? AND psid = ? AND attr_name = ?)",
                    pageId, psid, name, value, pageId, psid, name);
        } catch (SQLException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                return 0;
            }
            throw e;
        }
    }

    private void touch(Connection c, String pageId, String psid, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + t.contacts() + " SET updated_at = ?"
                                                       + " WHERE page_id = ? AND psid = ?")) {
            setInstant(ps, 1, now);
            ps.setString(2, pageId);
            ps.setString(3, psid);
            ps.executeUpdate();
        }
    }

    Map<String, String> attributes(String pageId, String psid) {
        ContactKey.of(pageId, psid); // validates both
        return jdbc.call("read attributes", List.of(), c -> readAttributes(c, pageId, psid));
    }

    private Map<String, String> readAttributes(Connection c, String pageId, String psid) throws SQLException {
        Map<String, String> attributes = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT attr_name, attr_value FROM " + t.attributes()
                                                       + " WHERE page_id = ? AND psid = ?")) {
            ps.setString(1, pageId);
            ps.setString(2, psid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attributes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return Contact.sortedCopy(attributes);
    }

    /** The attributes of many contacts in one statement (a claimed batch, a page of contacts). */
    Map<ContactKey, Map<String, String>> attributesOf(Connection c, Collection<ContactKey> holders)
            throws SQLException {
        Set<ContactKey> distinct = new LinkedHashSet<>(holders);
        Map<ContactKey, Map<String, String>> attributes = new HashMap<>();
        if (distinct.isEmpty()) {
            return attributes;
        }
        try (PreparedStatement ps = c.prepareStatement(t.postgres() ? attributesOfHolders()
                : attributesOfAll(distinct.size()))) {
            if (t.postgres()) {
                // two arrays: one statement text whatever the count, parsed and planned once per connection
                ps.setArray(1, c.createArrayOf("varchar", distinct.stream().map(ContactKey::pageId).toArray()));
                ps.setArray(2, c.createArrayOf("varchar", distinct.stream().map(ContactKey::psid).toArray()));
            } else {
                int i = 1;
                for (ContactKey k : distinct) {
                    ps.setString(i++, k.pageId());
                    ps.setString(i++, k.psid());
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attributes.computeIfAbsent(new ContactKey(rs.getString(1), rs.getString(2)), k -> new TreeMap<>())
                            .put(rs.getString(3), rs.getString(4));
                }
            }
        }
        return attributes;
    }

    /** Params: (page_id, psid) × holders. */
    private String attributesOfAll(int holders) {
        StringJoiner in = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < holders; i++) {
            in.add("(?, ?)");
        }
        return "SELECT page_id, psid, attr_name, attr_value FROM " + t.attributes() + " WHERE (page_id, psid) IN " + in;
    }

    /** PostgreSQL. Params: page_id array, psid array (pairwise). */
    private String attributesOfHolders() {
        return "SELECT a.page_id, a.psid, a.attr_name, a.attr_value FROM " + t.attributes() + " a"
               + " JOIN unnest(?::varchar[], ?::varchar[]) AS h(page_id, psid)"
               + " ON a.page_id = h.page_id COLLATE \"C\" AND a.psid = h.psid COLLATE \"C\"";
    }

    void recordInbound(String pageId, String psid, Instant at) {
        ContactKey.of(pageId, psid); // validates both
        boolean moved = inbound.record(pageId, psid, StoreArgs.instant("at", at));
        Instant now = jdbc.now();
        jdbc.call("record inbound", List.of(), c -> {
            ensureContact(c, pageId, psid, now);
            if (moved) {
                touch(c, pageId, psid, now);
            }
            return null;
        });
    }

    Optional<Contact> findContact(String pageId, String psid) {
        ContactKey.of(pageId, psid); // validates both
        // the time is read once the connection is back: one call never holds two connections of the pool
        return readContact(pageId, psid).map(inbound::fill);
    }

    private Optional<Contact> readContact(String pageId, String psid) {
        return jdbc.call("find contact", List.of(), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + CONTACT_COLUMNS + " FROM " + t.contacts()
                                                           + " c WHERE c.page_id = ? AND c.psid = ?")) {
                ps.setString(1, pageId);
                ps.setString(2, psid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Contact> empty();
                    }
                    return Optional.of(contact(rs, readAttributes(c, pageId, psid)));
                }
            }
        });
    }

    private static Contact contact(ResultSet rs, Map<String, String> attributes) throws SQLException {
        return new Contact(rs.getString(1), rs.getString(2), attributes, null, instant(rs, 3), instant(rs, 4));
    }

    List<Contact> contacts(ContactKey after, int max) {
        return listContacts(null, after, max, Holding.ANY);
    }

    List<Contact> contactsWithValidToken(String topic, ContactKey after, int max) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        return listContacts(topic, after, max, Holding.WITH_TOKEN);
    }

    List<Contact> contactsWithoutValidToken(String topic, ContactKey after, int max) {
        StoreArgs.text("topic", topic, StoreArgs.TOPIC_MAX);
        return listContacts(topic, after, max, Holding.WITHOUT_TOKEN);
    }

    private List<Contact> listContacts(String topic, ContactKey after, int max, Holding holding) {
        StoreArgs.batchSize("max", max);
        Instant now = jdbc.now();
        return inbound.fillAll(jdbc.call("list contacts", List.of(), c -> {
            List<Contact> page = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(listing(after != null, holding))) {
                int i = 1;
                if (after != null) {
                    ps.setString(i++, after.pageId());
                    ps.setString(i++, after.psid());
                }
                if (holding != Holding.ANY) {
                    ps.setString(i++, topic);
                    setInstant(ps, i++, now);
                }
                ps.setInt(i, max);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(contact(rs, Map.of()));
                    }
                }
            }
            Map<ContactKey, Map<String, String>> attributes = attributesOf(c, page.stream().map(Contact::key).toList());
            List<Contact> result = new ArrayList<>(page.size());
            for (Contact p : page) {
                result.add(new Contact(p.pageId(), p.psid(), attributes.getOrDefault(p.key(), Map.of()),
                        p.lastInbound(), p.createdAt(), p.updatedAt()));
            }
            return result;
        }));
    }

    /** Params: [after page_id, after psid], [topic, now], max. */
    private String listing(boolean after, Holding holding) {
        StringBuilder sql = new StringBuilder("SELECT ").append(CONTACT_COLUMNS).append(" FROM ").append(t.contacts())
                .append(" c WHERE 1 = 1");
        if (after) {
            sql.append(" AND (c.page_id, c.psid) > (?, ?)");
        }
        if (holding != Holding.ANY) {
            sql.append(holding == Holding.WITH_TOKEN ? " AND EXISTS" : " AND NOT EXISTS")
                    .append(" (SELECT 1 FROM ").append(t.tokens()).append(" t WHERE t.page_id = c.page_id")
                    .append(" AND t.psid = c.psid AND t.topic = ? AND t.status IN ('VALID', 'CLAIMED')")
                    .append(" AND t.expires_at > ?)");
        }
        return sql.append(" ORDER BY c.page_id, c.psid FETCH FIRST ? ROWS ONLY").toString();
    }

    /** Creates the contact unless it exists (also when another caller creates it at the same moment). */
    void ensureContact(Connection c, String pageId, String psid, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertContact())) {
            bindContact(ps, pageId, psid, now);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!SqlErrors.isDuplicateKey(e)) {
                throw e; // else created concurrently: fine
            }
        }
    }

    /** Params: page_id, psid, created_at, updated_at[, page_id, psid]: see {@link #bindContact}. */
    String insertContact() {
        String columns = "page_id, psid, created_at, updated_at";
        return t.postgres()
                ? "INSERT INTO " + t.contacts() + " (" + columns + ") VALUES (?, ?, ?, ?)"
                  + " ON CONFLICT (page_id, psid) DO NOTHING"
                : "INSERT INTO " + t.contacts() + " (" + columns + ") SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                  + t.contacts() + " WHERE page_id = ? AND psid = ?)";
    }

    void bindContact(PreparedStatement ps, String pageId, String psid, Instant now) throws SQLException {
        ps.setString(1, pageId);
        ps.setString(2, psid);
        setInstant(ps, 3, now);
        setInstant(ps, 4, now);
        if (!t.postgres()) {
            ps.setString(5, pageId);
            ps.setString(6, psid);
        }
    }
}
