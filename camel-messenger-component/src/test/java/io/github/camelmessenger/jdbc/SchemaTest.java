package io.github.camelmessenger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.github.camelmessenger.testsupport.PostgresTestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Only what is missing is created, whatever case the database stores names in, on H2 and PostgreSQL. */
class SchemaTest {

    @Test
    void h2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        createsOnlyWhatIsMissing(h2, Dialect.H2);
    }

    @Test
    void postgres() throws Exception {
        createsOnlyWhatIsMissing(PostgresTestDatabase.dataSourceOrSkip(), Dialect.POSTGRESQL);
    }

    private static void createsOnlyWhatIsMissing(DataSource ds, Dialect dialect) throws Exception {
        // upper case as users write the inbox table name; PostgreSQL stores it in lower case
        String table = "Layer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        // "_" is a wildcard in catalog lookups: a look-alike table must not count as ours
        String lookAlike = table.replace('_', 'x');
        SqlScript script = SqlScript.load(SchemaTest.class, "layer-test", dialect, Map.of("table", table));
        try (Connection c = ds.getConnection()) {
            execute(c, "CREATE TABLE " + lookAlike + " (id INT)");
            assertThat(Schema.missing(c, script)).hasSize(3);

            assertThat(Schema.createMissing(c, script)).containsExactlyElementsOf(script.statements());
            assertThat(Schema.missing(c, script)).isEmpty();
            assertThat(Schema.createMissing(c, script)).as("nothing runs a second time").isEmpty();
            assertThat(Schema.tableExists(c, table.toLowerCase())).isTrue();
            assertThat(Schema.indexExists(c, table, table + "_name")).isTrue();

            execute(c, "DROP INDEX " + table + "_name");
            assertThat(Schema.createMissing(c, script)).containsExactly(script.statements().get(1));
        } finally {
            try (Connection c = ds.getConnection()) {
                execute(c, "DROP TABLE IF EXISTS " + table);
                execute(c, "DROP TABLE IF EXISTS " + lookAlike);
            }
        }
    }

    @Test
    void aCreateThatLostToAnotherNodeIsToldApartFromOtherFailures() throws Exception {
        // what the loser of a race sees when the winner's CREATE is not yet in the catalog it checked
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:exists-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection()) {
            execute(c, "CREATE TABLE t_exists (id BIGINT NOT NULL)");
            execute(c, "CREATE INDEX t_exists_idx ON t_exists (id)");
            SQLException table = catchThrowableOfType(SQLException.class,
                    () -> execute(c, "CREATE TABLE t_exists (id BIGINT NOT NULL)"));
            SQLException index = catchThrowableOfType(SQLException.class,
                    () -> execute(c, "CREATE INDEX t_exists_idx ON t_exists (id)"));
            SQLException syntax = catchThrowableOfType(SQLException.class,
                    () -> execute(c, "CREATE INDEX ON"));

            assertThat(SqlErrors.isAlreadyExists(table)).isTrue();
            assertThat(SqlErrors.isAlreadyExists(index)).isTrue();
            assertThat(SqlErrors.isAlreadyExists(syntax)).isFalse();
        }
    }

    @Test
    void nodesCreatingTheSameSchemaAtOnceAllEndWithIt() throws Exception {
        DataSource ds = PostgresTestDatabase.dataSourceOrSkip();
        String table = "layer_race_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SqlScript script = SqlScript.load(SchemaTest.class, "layer-test", Dialect.POSTGRESQL, Map.of("table", table));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(() -> {
                    try (Connection c = ds.getConnection()) {
                        return Schema.createMissing(c, script).size();
                    }
                });
            }
            int created = 0;
            for (Future<Integer> node : pool.invokeAll(nodes)) {
                created += node.get();
            }
            assertThat(created).as("each statement ran at least once").isGreaterThanOrEqualTo(3);
            try (Connection c = ds.getConnection()) {
                assertThat(Schema.missing(c, script)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
            try (Connection c = ds.getConnection()) {
                execute(c, "DROP TABLE IF EXISTS " + table);
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
