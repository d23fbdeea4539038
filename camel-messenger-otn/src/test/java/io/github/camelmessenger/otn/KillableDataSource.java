package io.github.camelmessenger.otn;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A node's PostgreSQL connections that can be cut at once, as when the node crashes: new connections are refused and
 * the sessions already open are terminated by the server, so their open transactions (and row locks) end.
 */
final class KillableDataSource implements DataSource {

    private final DataSource delegate;
    private final Set<Integer> sessions = ConcurrentHashMap.newKeySet();
    private volatile boolean killed;

    KillableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /**
     * Crashes the node: terminates its sessions through {@code admin}.
     *
     * @return how many of its sessions were inside a transaction (holding claims) when they were cut
     */
    int kill(DataSource admin) throws SQLException {
        killed = true;
        Integer[] pids = sessions.toArray(Integer[]::new);
        try (Connection c = admin.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE state LIKE 'idle in transaction%'"
                                                       + " OR (state = 'active' AND xact_start IS NOT NULL)),"
                                                       + " count(pg_terminate_backend(pid))"
                                                       + " FROM pg_stat_activity WHERE pid = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("int4", pids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void check() throws SQLException {
        if (killed) {
            throw new SQLException("this node has crashed", "08006");
        }
    }

    private Connection tracked(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            sessions.add(rs.getInt(1));
        }
        return c;
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return tracked(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return tracked(delegate.getConnection(username, password));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
