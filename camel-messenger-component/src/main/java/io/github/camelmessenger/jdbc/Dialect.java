package io.github.camelmessenger.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The SQL dialects of the JDBC stores. PostgreSQL and H2 get statements of their own where they make an operation
 * one statement (upserts, deletes that return the deleted rows, row locks that skip locked rows); every other
 * database gets {@link #GENERIC}, portable SQL that keeps the same guarantees with a few more round trips.
 * <p>
 * A store detects its dialect once, at start, from the JDBC driver's product name ({@link #of(Connection)}); the
 * {@link #id() id} names the folder of its schema scripts ({@link SqlScript}).
 */
public enum Dialect {

    POSTGRESQL("postgresql"),
    H2("h2"),
    GENERIC("generic");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** The lower-case name: {@code postgresql}, {@code h2} or {@code generic}. */
    public String id() {
        return id;
    }

    /** The dialect of the database behind the connection. */
    public static Dialect of(Connection connection) throws SQLException {
        return ofProduct(connection.getMetaData().getDatabaseProductName());
    }

    /**
     * The dialect for a {@link java.sql.DatabaseMetaData#getDatabaseProductName() database product name}:
     * {@code PostgreSQL} (also what PostgreSQL-compatible servers report), {@code H2}, anything else generic.
     */
    public static Dialect ofProduct(String productName) {
        String product = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.equals("h2")) {
            return H2;
        }
        return GENERIC;
    }

    /**
     * The dialect with this {@link #id() id}, in any case.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    public static Dialect named(String id) {
        for (Dialect d : values()) {
            if (d.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown SQL dialect " + id + " (known: "
                                           + Arrays.stream(values()).map(Dialect::id).toList() + ")");
    }
}
