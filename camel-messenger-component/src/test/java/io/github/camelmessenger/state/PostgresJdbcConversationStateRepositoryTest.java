package io.github.camelmessenger.state;

import javax.sql.DataSource;

import io.github.camelmessenger.jdbc.Dialect;
import io.github.camelmessenger.testsupport.PostgresTestDatabase;

/** The contract on PostgreSQL with its own single-statement SQL, including two nodes on one database. */
class PostgresJdbcConversationStateRepositoryTest extends JdbcConversationStateRepositoryContract {

    @Override
    protected DataSource targetDataSource() {
        return PostgresTestDatabase.dataSourceOrSkip();
    }

    @Override
    protected String expectedDialect() {
        return Dialect.POSTGRESQL.id();
    }
}
