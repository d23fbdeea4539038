package io.github.camelmessenger.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates what a {@link SqlScript} defines, and only what is missing: each statement creates one table or index,
 * and runs only when the database catalog (JDBC metadata, in the connection's current schema) does not list that
 * object. A start against a complete schema therefore runs no DDL at all: no lock is taken, and a database user
 * without DDL rights is enough once a DBA has run the scripts.
 * <p>
 * Nodes starting together may race to create the same object; the loser checks again and carries on when the object
 * exists. Names are compared the way the database stores unquoted identifiers (PostgreSQL folds them to lower case,
 * H2 to upper case).
 */
public final class Schema {

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(\\w+)\\b.*");
    private static final Pattern CREATE_INDEX = Pattern.compile("(?is)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(\\w+)\\s+ON\\s+(\\w+)\\b.*");

    private Schema() {
    }

    /** The statements of the script whose table or index does not exist, in script order. */
    public static List<String> missing(Connection c, SqlScript script) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (String statement : script.statements()) {
            if (!exists(c, statement)) {
                missing.add(statement);
            }
        }
        return missing;
    }

    /**
     * Runs the statements whose object is missing, each in its own transaction (auto-commit); the connection's
     * auto-commit mode is restored afterwards.
     *
     * @return the statements that ran; empty when the schema was complete
     */
    public static List<String> createMissing(Connection c, SqlScript script) throws SQLException {
        List<String> ran = new ArrayList<>();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String statement : missing(c, script)) {
                try {
                    s.execute(statement);
                    ran.add(statement);
                    LOG.info("Created {} ({})", object(statement), script.resource());
                } catch (SQLException e) {
                    // another node's CREATE may not be visible in the catalog yet when ours fails on it
                    if (!SqlErrors.isAlreadyExists(e) && !exists(c, statement)) {
                        throw e;
                    }
                    LOG.debug("{} was created by another node meanwhile", object(statement));
                }
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return ran;
    }

    /** Whether the table (a plain, unquoted name) exists in the connection's current schema. */
    public static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String name = stored(md, table);
        try (ResultSet rs = md.getTables(c.getCatalog(), currentSchema(c), likeLiteral(md, name), null)) {
            while (rs.next()) {
                if (name.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the table (which must exist) has an index of that name. */
    public static boolean indexExists(Connection c, String table, String index) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String name = stored(md, index);
        try (ResultSet rs = md.getIndexInfo(c.getCatalog(), currentSchema(c), stored(md, table), false, true)) {
            while (rs.next()) {
                if (name.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean exists(Connection c, String statement) throws SQLException {
        Matcher table = CREATE_TABLE.matcher(statement);
        if (table.matches()) {
            return tableExists(c, table.group(1));
        }
        Matcher index = CREATE_INDEX.matcher(statement);
        if (index.matches()) {
            return tableExists(c, index.group(2)) && indexExists(c, index.group(2), index.group(1));
        }
        throw new IllegalArgumentException("A schema script statement must create one table or one index: "
                                           + statement);
    }

    private static String object(String statement) {
        Matcher table = CREATE_TABLE.matcher(statement);
        if (table.matches()) {
            return "table " + table.group(1);
        }
        Matcher index = CREATE_INDEX.matcher(statement);
        return index.matches() ? "index " + index.group(1) : statement;
    }

    /** How the database stores an unquoted identifier. */
    private static String stored(DatabaseMetaData md, String identifier) throws SQLException {
        if (md.storesUpperCaseIdentifiers()) {
            return identifier.toUpperCase(Locale.ROOT);
        }
        if (md.storesLowerCaseIdentifiers()) {
            return identifier.toLowerCase(Locale.ROOT);
        }
        return identifier;
    }

    /** Metadata name arguments are LIKE patterns: {@code _} would match any character. */
    private static String likeLiteral(DatabaseMetaData md, String name) throws SQLException {
        String escape = md.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String currentSchema(Connection c) {
        try {
            return c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null; // a driver from before JDBC 4.1: any schema
        }
    }
}
