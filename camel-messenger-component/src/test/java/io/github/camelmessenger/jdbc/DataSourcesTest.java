package io.github.camelmessenger.jdbc;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one rule: the option, else the single DataSource in the registry, else none. */
class DataSourcesTest {

    private final CamelContext context = new DefaultCamelContext();
    private final DataSource option = new JdbcDataSource();
    private final DataSource bound = new JdbcDataSource();

    @AfterEach
    void close() throws Exception {
        context.close();
    }

    @Test
    void theOptionWinsOverTheRegistry() {
        context.getRegistry().bind("db", bound);
        assertThat(DataSources.find(context, option)).isSameAs(option);
        assertThat(DataSources.require(context, option, "test")).isSameAs(option);
    }

    @Test
    void withoutTheOptionTheSingleDataSourceInTheRegistry() {
        context.getRegistry().bind("db", bound);
        assertThat(DataSources.find(context, null)).isSameAs(bound);
    }

    @Test
    void noneBoundIsNone() {
        assertThat(DataSources.find(context, null)).isNull();
        assertThatThrownBy(() -> DataSources.require(context, null, "JdbcWebhookInbox[INBOX]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JdbcWebhookInbox[INBOX] needs a javax.sql.DataSource: no dataSource option is set and"
                            + " the registry holds no DataSource");
    }

    @Test
    void twoBoundIsNoneAndTheMessageNamesThem() {
        context.getRegistry().bind("orders", bound);
        context.getRegistry().bind("bot", new JdbcDataSource());
        assertThat(DataSources.find(context, null)).isNull();
        assertThat(DataSources.find(context, option)).isSameAs(option);
        assertThatThrownBy(() -> DataSources.require(context, null, "state"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 2 DataSources [bot, orders]")
                .hasMessageContaining("set the dataSource option");
    }
}
