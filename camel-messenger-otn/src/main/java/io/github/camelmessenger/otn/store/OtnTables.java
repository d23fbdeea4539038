package io.github.camelmessenger.otn.store;

import io.github.camelmessenger.jdbc.Dialect;

/**
 * The table names of one {@link JdbcOtnStore} ({@code prefix} + {@code otn_*}) and the dialect of its database.
 *
 * @param claimLocks one row per topic, locked to serialize claims; not on PostgreSQL, whose claims skip locked rows
 */
record OtnTables(String prefix, String contacts, String attributes, String tokens, String claimLocks,
                 Dialect dialect) {

    static OtnTables of(String prefix, Dialect dialect) {
        return new OtnTables(prefix, prefix + "otn_contact", prefix + "otn_attribute", prefix + "otn_token",
                prefix + "otn_claim_lock", dialect);
    }

    /** PostgreSQL: upserts with ON CONFLICT, claims with FOR UPDATE SKIP LOCKED, array parameters. */
    boolean postgres() {
        return dialect == Dialect.POSTGRESQL;
    }
}
