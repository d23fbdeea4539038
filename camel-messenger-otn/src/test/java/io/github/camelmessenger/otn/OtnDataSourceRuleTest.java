package io.github.camelmessenger.otn;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.jdbc.Schema;
import io.github.camelmessenger.otn.store.InMemoryOtnStore;
import io.github.camelmessenger.otn.store.JdbcOtnStore;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.TestDatabases;
import io.github.camelmessenger.state.InMemoryConversationStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * messenger-otn finds its database by the rule the messenger component uses: the dataSource option, else the single
 * DataSource in the registry (also one bound after the component was created); with none, or two and no option, it
 * keeps tokens in memory, as before.
 */
class OtnDataSourceRuleTest {

    @TempDir
    Path dir;
    private final CamelContext context = new DefaultCamelContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private OtnStore startedStore() {
        MessengerOtnComponent otn = context.getComponent("messenger-otn", MessengerOtnComponent.class);
        context.start();
        return otn.store();
    }

    @Test
    void aDataSourceBoundAfterTheComponentWasCreatedIsFoundAtStart() {
        MessengerOtnComponent otn = context.getComponent("messenger-otn", MessengerOtnComponent.class);
        JdbcConnectionPool db = TestDatabases.h2File(dir);
        context.getRegistry().bind("db", db);
        context.start();
        try {
            assertThat(otn.store()).isInstanceOf(JdbcOtnStore.class);
        } finally {
            context.stop();
            db.dispose();
        }
    }

    @Test
    void theOptionWinsWhenTheRegistryHoldsTwo() throws SQLException {
        JdbcConnectionPool chosen = TestDatabases.h2File(dir.resolve("chosen"));
        JdbcConnectionPool other = TestDatabases.h2File(dir.resolve("other"));
        context.getRegistry().bind("a", chosen);
        context.getRegistry().bind("b", other);
        context.getComponent("messenger-otn", MessengerOtnComponent.class).setDataSource(chosen);
        try {
            OtnStore store = startedStore();
            assertThat(store).isInstanceOf(JdbcOtnStore.class);
            store.setAttribute("1000", "ann", "email", "ann@example.org");
            assertThat(hasContactTable(chosen)).isTrue();
            assertThat(hasContactTable(other)).isFalse();
        } finally {
            context.stop();
            chosen.dispose();
            other.dispose();
        }
    }

    private static boolean hasContactTable(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return Schema.tableExists(c, "otn_contact");
        }
    }

    @Test
    void twoInTheRegistryAndNoOptionKeepTokensInMemory() {
        JdbcConnectionPool a = TestDatabases.h2File(dir.resolve("a"));
        JdbcConnectionPool b = TestDatabases.h2File(dir.resolve("b"));
        context.getRegistry().bind("a", a);
        context.getRegistry().bind("b", b);
        try {
            assertThat(startedStore()).isInstanceOf(InMemoryOtnStore.class);
            assertThat(context.getComponent("messenger", MessengerComponent.class).sharedStateRepository(null))
                    .isInstanceOf(InMemoryConversationStateRepository.class);
        } finally {
            context.stop();
            a.dispose();
            b.dispose();
        }
    }
}
