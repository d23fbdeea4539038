/**
 * The small JDBC layer under every database store of camel-messenger: the conversation state
 * ({@code JdbcConversationStateRepository}), the webhook inbox ({@code JdbcWebhookInbox}) and the One-Time
 * Notification store ({@code JdbcOtnStore}). It is API: store implementers may use it too.
 * <ul>
 * <li>{@link io.github.camelmessenger.jdbc.Dialect}: PostgreSQL, H2 or generic SQL, detected one way;</li>
 * <li>{@link io.github.camelmessenger.jdbc.DataSources}: the one rule for finding the database (the
 * {@code dataSource} option, else the single {@code DataSource} in the registry);</li>
 * <li>{@link io.github.camelmessenger.jdbc.SqlScript}: the schema as SQL scripts inside the jars
 * ({@code META-INF/camel-messenger/sql/<dialect>/<name>.sql}), which a DBA can also run by hand;</li>
 * <li>{@link io.github.camelmessenger.jdbc.Schema}: creates what a script defines only when the catalog lacks it, so a
 * start against an existing schema runs no DDL;</li>
 * <li>{@link io.github.camelmessenger.jdbc.SqlErrors}: duplicate keys and lock contention, by SQLSTATE.</li>
 * </ul>
 */
package io.github.camelmessenger.jdbc;
