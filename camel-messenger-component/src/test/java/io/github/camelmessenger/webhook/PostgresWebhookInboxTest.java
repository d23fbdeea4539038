package io.github.camelmessenger.webhook;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;

/** The durable inbox's tests on PostgreSQL, where claims lock their rows with FOR UPDATE SKIP LOCKED. */
class PostgresWebhookInboxTest extends WebhookInboxTest {

    @Override
    protected DataSource dataSource() {
        return TestDatabases.postgres();
    }

    @AfterEach
    void dropTable() {
        TestDatabases.drop(dataSource, table);
    }
}
