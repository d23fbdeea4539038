package io.github.camelmessenger.state;

import io.github.camelmessenger.jdbc.Dialect;

/** The portable SQL keeps the contract on H2, with connections handed out in manual-commit mode. */
class H2GenericDialectConversationStateRepositoryTest extends H2JdbcConversationStateRepositoryTest {

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
