package io.github.camelmessenger.otn.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import javax.sql.DataSource;

/**
 * The JDBC plumbing the parts of a {@link JdbcOtnStore} share: a connection per operation in auto-commit mode,
 * transactions, errors turned into {@link OtnStoreException}s without token values, instants as
 * {@code TIMESTAMP WITH TIME ZONE}, and the store's clock.
 */
final class OtnJdbc {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface TxWork<T> {
        T run() throws SQLException;
    }

    final DataSource dataSource;
    private final Clock clock;

    OtnJdbc(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The store's time, to the millisecond. */
    Instant now() {
        return StoreArgs.millis(clock.instant());
    }

    Clock clock() {
        return clock;
    }

    <T> T withConnection(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        }
    }

    /** Runs {@code work}, turning an SQL error into an {@link OtnStoreException} without the given secrets. */
    <T> T call(String what, Collection<String> secrets, Work<T> work) {
        try {
            return withConnection(work);
        } catch (SQLException e) {
            throw new OtnStoreException("Cannot " + what + ": " + SecretScrubber.scrub(e.getMessage(), secrets),
                    SecretScrubber.scrub(e, secrets));
        }
    }

    static <T> T inTransaction(Connection c, TxWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static int update(Connection c, String statement, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
