package io.github.camelmessenger.state;

import io.github.camelmessenger.testsupport.PostgresTestDatabase;

import javax.sql.DataSource;

/** The contract on PostgreSQL with its own single-statement SQL, including two nodes on one database. */
class PostgresJdbcConversationStateRepositoryTest extends JdbcConversationStateRepositoryContract {

    @Override
    protected DataSource targetDataSource() {
        return PostgresTestDatabase.dataSourceOrSkip();
    }

    @Override
    protected String expectedDialect() {
        return PostgresDialect.NAME;
    }
}
