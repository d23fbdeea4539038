package io.github.camelmessenger.state;

import java.util.UUID;

import javax.sql.DataSource;

import io.github.camelmessenger.jdbc.Dialect;
import org.h2.jdbcx.JdbcDataSource;

/** The contract on an in-memory H2 database with H2's own SQL; "nodes" are repositories sharing the database. */
class H2JdbcConversationStateRepositoryTest extends JdbcConversationStateRepositoryContract {

    @Override
    protected DataSource targetDataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Override
    protected String expectedDialect() {
        return Dialect.H2.id();
    }
}
