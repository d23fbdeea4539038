package io.github.camelmessenger.jdbc;

import javax.sql.DataSource;

/**
 * A store that may be created without its {@link DataSource}: the component that uses it supplies one at start
 * when none was set, found by the {@link DataSources} rule. Lets a store be declared as a bean without wiring the
 * database, e.g. {@code stateRepository=#class:io.github.camelmessenger.state.JdbcConversationStateRepository}.
 */
public interface DataSourceAware {

    /** The data source, or null when none was set yet. */
    DataSource getDataSource();

    void setDataSource(DataSource dataSource);
}
