package io.github.camelmessenger.state;

/** The portable SQL keeps the contract on H2, with connections handed out in manual-commit mode. */
class H2GenericDialectConversationStateRepositoryTest extends H2JdbcConversationStateRepositoryTest {

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
