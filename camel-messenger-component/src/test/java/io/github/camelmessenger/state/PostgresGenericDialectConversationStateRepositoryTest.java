package io.github.camelmessenger.state;

import io.github.camelmessenger.jdbc.Dialect;

/**
 * The portable SQL (used for databases without a dialect of their own) keeps the contract on PostgreSQL too, here
 * with connections handed out in manual-commit mode, as some pools are set up.
 */
class PostgresGenericDialectConversationStateRepositoryTest extends PostgresJdbcConversationStateRepositoryTest {

    @Override
    protected String forcedDialect() {
        return Dialect.GENERIC.id();
    }

    @Override
    protected String expectedDialect() {
        return Dialect.GENERIC.id();
    }

    @Override
    protected boolean handOutAutoCommit() {
        return false;
    }
}
