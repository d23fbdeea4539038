package io.github.camelmessenger.jdbc;

import java.sql.Connection;
import java.util.UUID;

import io.github.camelmessenger.testsupport.PostgresTestDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One way to tell the database: the driver's product name. */
class DialectTest {

    @Test
    void realDatabasesAreDetectedFromTheirDriver() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dialect-" + UUID.randomUUID());
        try (Connection c = h2.getConnection()) {
            assertThat(Dialect.of(c)).isEqualTo(Dialect.H2);
        }
        try (Connection c = PostgresTestDatabase.dataSourceOrSkip().getConnection()) {
            assertThat(Dialect.of(c)).isEqualTo(Dialect.POSTGRESQL);
        }
    }

    @Test
    void productNamesMapToDialectsAndEverythingElseIsGeneric() {
        assertThat(Dialect.ofProduct("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.ofProduct("H2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.ofProduct("h2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.ofProduct("MySQL")).isEqualTo(Dialect.GENERIC);
        assertThat(Dialect.ofProduct("Microsoft SQL Server")).isEqualTo(Dialect.GENERIC);
        assertThat(Dialect.ofProduct("H2 compatible")).isEqualTo(Dialect.GENERIC);
        assertThat(Dialect.ofProduct(null)).isEqualTo(Dialect.GENERIC);
    }

    @Test
    void dialectsByIdForTestsAndScriptFolders() {
        assertThat(Dialect.named("postgresql")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialect.named("H2")).isEqualTo(Dialect.H2);
        assertThat(Dialect.GENERIC.id()).isEqualTo("generic");
        assertThatThrownBy(() -> Dialect.named("oracle")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle").hasMessageContaining("[postgresql, h2, generic]");
    }
}
