package io.github.camelmessenger.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A schema script shipped in a jar, read for one dialect with its placeholders filled in.
 * <p>
 * Scripts live at {@value #LOCATION}{@code <dialect>/<name>.sql}; a dialect without a file of its own uses
 * {@code generic/<name>.sql}. They are plain SQL a DBA can run by hand: statements end with {@code ;} at the end of
 * a line, lines starting with {@code --} are comments, and table names carry placeholders such as
 * {@code ${prefix}} (the store's table prefix) that the store fills in, e.g.
 * {@code sed 's/${prefix}/messenger_/g' conversation-state.sql | psql}. Each statement creates one table or one
 * index ({@link Schema} creates the missing ones).
 */
public final class SqlScript {

    /** The folder of the scripts inside the jars. */
    public static final String LOCATION = "META-INF/camel-messenger/sql/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");
    /** Values are pasted into SQL: plain identifiers (or parts of one) only. */
    private static final Pattern IDENTIFIER_PART = Pattern.compile("[A-Za-z0-9_]*");
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(?:\\R|$)");

    private final String resource;
    private final List<String> statements;

    private SqlScript(String resource, List<String> statements) {
        this.resource = resource;
        this.statements = List.copyOf(statements);
    }

    /**
     * Reads script {@code name} for {@code dialect} from the jar of {@code owner} (its class loader: in OSGi, its
     * bundle), with every placeholder replaced by its value.
     *
     * @throws IllegalArgumentException when a placeholder has no value, or a value is not a plain identifier part
     * @throws IllegalStateException    when the jar holds no such script
     */
    public static SqlScript load(Class<?> owner, String name, Dialect dialect, Map<String, String> values) {
        String resource = LOCATION + dialect.id() + "/" + name + ".sql";
        InputStream in = owner.getClassLoader().getResourceAsStream(resource);
        if (in == null && dialect != Dialect.GENERIC) {
            resource = LOCATION + Dialect.GENERIC.id() + "/" + name + ".sql";
            in = owner.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalStateException("No schema script " + name + ".sql for " + dialect.id() + " under "
                                            + LOCATION + " next to " + owner.getName());
        }
        try (InputStream script = in) {
            return parse(resource, new String(script.readAllBytes(), StandardCharsets.UTF_8), values);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Parses script text: comment lines dropped, split into statements, placeholders filled in. */
    static SqlScript parse(String resource, String text, Map<String, String> values) {
        StringBuilder code = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : STATEMENT_END.split(code)) {
            if (!statement.isBlank()) {
                statements.add(fill(resource, statement.strip(), values));
            }
        }
        return new SqlScript(resource, statements);
    }

    private static String fill(String resource, String statement, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(statement);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(resource + " needs a value for ${" + m.group(1) + "}");
            }
            if (!IDENTIFIER_PART.matcher(value).matches()) {
                throw new IllegalArgumentException("${" + m.group(1) + "} of " + resource
                                                   + " must be letters, digits and underscores, was: " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** Where the script came from, e.g. {@code META-INF/camel-messenger/sql/postgresql/otn.sql}. */
    public String resource() {
        return resource;
    }

    /** The statements, in order, placeholders filled in, without the final {@code ;}. */
    public List<String> statements() {
        return statements;
    }

    @Override
    public String toString() {
        return resource;
    }
}
