package io.github.camelmessenger.state;

/**
 * The portable SQL (used for databases without a dialect of their own) keeps the contract on PostgreSQL too, here
 * with connections handed out in manual-commit mode, as some pools are set up.
 */
class PostgresGenericDialectConversationStateRepositoryTest extends PostgresJdbcConversationStateRepositoryTest {

    @Override
    protected String forcedDialect() {
        return SqlDialect.GENERIC;
    }

    @Override
    protected String expectedDialect() {
        return SqlDialect.GENERIC;
    }

    @Override
    protected boolean handOutAutoCommit() {
        return false;
    }
}
