package io.github.camelmessenger.jdbc;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripts in the jar: one file per dialect where they differ, the generic one elsewhere, placeholders filled. */
class SqlScriptTest {

    @Test
    void aDialectWithoutAFileOfItsOwnReadsTheGenericScript() {
        SqlScript script = SqlScript.load(SqlScriptTest.class, "layer-test", Dialect.POSTGRESQL, Map.of("table", "t1"));

        assertThat(script.resource()).isEqualTo("META-INF/camel-messenger/sql/generic/layer-test.sql");
        assertThat(script.statements()).hasSize(3);
        assertThat(script.statements().get(0)).startsWith("CREATE TABLE t1 (").endsWith(")")
                .contains("name VARCHAR(40)").doesNotContain("--").doesNotContain(";");
        assertThat(script.statements().get(1)).isEqualTo("CREATE INDEX t1_name ON t1 (name)");
    }

    @Test
    void aDialectWithAFileOfItsOwnReadsIt() {
        SqlScript script = SqlScript.load(SqlScriptTest.class, "layer-test", Dialect.H2, Map.of("table", "t1"));

        assertThat(script.resource()).isEqualTo("META-INF/camel-messenger/sql/h2/layer-test.sql");
        assertThat(script.statements().get(0)).contains("CHARACTER VARYING(40)");
    }

    @Test
    void theShippedScriptsParse() {
        assertThat(SqlScript.load(SqlScript.class, "conversation-state", Dialect.H2, Map.of("prefix", "m_"))
                .statements()).hasSize(4);
    }

    @Test
    void placeholdersMustHavePlainIdentifierValues() {
        assertThatThrownBy(() -> SqlScript.load(SqlScriptTest.class, "layer-test", Dialect.H2, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("${table}");
        assertThatThrownBy(() -> SqlScript.load(SqlScriptTest.class, "layer-test", Dialect.H2,
                Map.of("table", "t; DROP TABLE x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters, digits and underscores");
    }

    @Test
    void aMissingScriptIsNamed() {
        assertThatThrownBy(() -> SqlScript.load(SqlScriptTest.class, "nothing", Dialect.GENERIC, Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing.sql");
    }

    @Test
    void statementsEndAtASemicolonThatEndsALine() {
        SqlScript script = SqlScript.parse("x.sql", "-- comment; not a statement\nCREATE TABLE a (v VARCHAR(3) DEFAULT ';');\n"
                                                    + "\n  -- indented comment\nCREATE INDEX a_v ON a (v);", Map.of());

        assertThat(script.statements()).containsExactly("CREATE TABLE a (v VARCHAR(3) DEFAULT ';')",
                "CREATE INDEX a_v ON a (v)");
    }
}
