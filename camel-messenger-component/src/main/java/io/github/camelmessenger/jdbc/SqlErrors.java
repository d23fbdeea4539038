package io.github.camelmessenger.jdbc;

import java.sql.SQLException;
import java.util.Set;

/** What an {@link SQLException} means to a store, by SQLSTATE, the same on every database. */
public final class SqlErrors {

    /** Unique violations: 23505 (PostgreSQL, H2, DB2, Derby) and 23000 (MySQL, Oracle, SQL Server). */
    private static final Set<String> DUPLICATE_KEY = Set.of("23505", "23000");
    /** Serialization failure, deadlock (PostgreSQL), lock timeout (H2), lock not available (PostgreSQL NOWAIT). */
    private static final Set<String> CONTENTION = Set.of("40001", "40P01", "HYT00", "55P03");
    /**
     * The object a CREATE names exists already: table 42S01 and index 42S11 (H2, MySQL, SQL Server), relation 42P07
     * and object 42710 (PostgreSQL, DB2).
     */
    private static final Set<String> ALREADY_EXISTS = Set.of("42S01", "42S11", "42P07", "42710");
    /** A batch reports the failing statement's state on a chained exception; a few links are enough. */
    private static final int CHAIN_DEPTH = 5;

    private SqlErrors() {
    }

    /** A duplicate key: another caller inserted the same row first. */
    public static boolean isDuplicateKey(SQLException e) {
        return hasState(e, DUPLICATE_KEY);
    }

    /** A lost race for locks (deadlock, serialization failure, lock timeout): worth another try. */
    public static boolean isContention(SQLException e) {
        return hasState(e, CONTENTION);
    }

    /** A CREATE lost to another node's: the table or index exists now, visible in the catalog or not yet. */
    public static boolean isAlreadyExists(SQLException e) {
        return hasState(e, ALREADY_EXISTS);
    }

    private static boolean hasState(SQLException e, Set<String> states) {
        int depth = 0;
        for (SQLException x = e; x != null && depth < CHAIN_DEPTH; x = x.getNextException(), depth++) {
            if (x.getSQLState() != null && states.contains(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
