/**
 * The contact and token store of One-Time Notifications: {@link io.github.camelmessenger.otn.store.OtnStore} with
 * {@link io.github.camelmessenger.otn.store.JdbcOtnStore} (H2, PostgreSQL) and
 * {@link io.github.camelmessenger.otn.store.InMemoryOtnStore}. Tokens are claimed in batches, exactly once across
 * nodes, and used for exactly one message each.
 */
package io.github.camelmessenger.otn.store;
