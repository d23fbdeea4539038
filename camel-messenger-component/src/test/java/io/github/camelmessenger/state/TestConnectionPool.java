package io.github.camelmessenger.state;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A minimal pooling data source for tests, standing in for the pool an application would configure (opening a
 * PostgreSQL connection per operation would dominate the test time). It also checks the repository's manners:
 * every borrowed connection must come back, in the auto-commit mode it was handed out in.
 */
final class TestConnectionPool implements DataSource {

    private final DataSource target;
    private final boolean autoCommit;
    private final Queue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final List<Connection> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger borrowed = new AtomicInteger();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** @param autoCommit the auto-commit mode connections are handed out in (pools may be set up either way) */
    TestConnectionPool(DataSource target, boolean autoCommit) {
        this.target = target;
        this.autoCommit = autoCommit;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical = idle.poll();
        if (physical == null) {
            physical = target.getConnection();
            physical.setAutoCommit(autoCommit);
            all.add(physical);
        }
        borrowed.incrementAndGet();
        Connection real = physical;
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (closed.compareAndSet(false, true)) {
                                giveBack(real);
                            }
                            return null;
                        }
                        case "isClosed" -> {
                            return closed.get();
                        }
                        default -> {
                            if (closed.get()) {
                                throw new SQLException("connection used after close: " + method.getName());
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    }
                });
    }

    private void giveBack(Connection real) throws SQLException {
        borrowed.decrementAndGet();
        if (real.getAutoCommit() != autoCommit) {
            violations.add("connection returned with autoCommit=" + real.getAutoCommit());
            real.setAutoCommit(autoCommit);
        }
        if (!autoCommit) {
            real.rollback();
        }
        idle.add(real);
    }

    /** Connections borrowed and not yet closed. */
    int inUse() {
        return borrowed.get();
    }

    /** Connections that came back in a different auto-commit mode than they left in. */
    List<String> violations() {
        return violations;
    }

    void closeAll() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing test connections: nothing to do about a failure
            }
        }
        all.clear();
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("test pool has fixed credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
