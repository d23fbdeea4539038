package io.github.camelmessenger.examples.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * Creates the example bot's own tables ({@code db/example-schema.sql}: contacts, hand-overs, files, products) when
 * they are missing, and the demo products. Every statement of the script is idempotent, so a start against an
 * existing schema changes nothing. The components create their own tables themselves.
 */
public final class ExampleSchema {

    static final String SCRIPT = "db/example-schema.sql";

    private ExampleSchema() {
    }

    public static void apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements()) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the example bot's tables (" + SCRIPT + "): "
                                            + e.getMessage(), e);
        }
    }

    static List<String> statements() {
        String script;
        try (InputStream in = ExampleSchema.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = script.lines().filter(l -> !l.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
