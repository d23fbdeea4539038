package io.github.camelmessenger.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/**
 * Wraps a DataSource and records every SQL text a store hands to the driver (executed, batched or prepared), so a
 * test can tell what a start really ran: e.g. that a start against an existing schema runs no DDL. Catalog lookups
 * through {@code DatabaseMetaData} are the driver's own and are not recorded.
 */
public final class SqlRecorder {

    private static final List<String> DDL = List.of("CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT");

    private final DataSource dataSource;
    private final List<String> statements = new CopyOnWriteArrayList<>();

    public SqlRecorder(DataSource target) {
        this.dataSource = proxy(DataSource.class, target, (method, args, call) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, call.call(), this::onConnectionCall) : call.call());
    }

    /** The recording DataSource to give the store. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Every SQL text seen so far. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** The DDL statements seen so far (CREATE, ALTER, DROP, ...). */
    public List<String> ddl() {
        return statements.stream().filter(SqlRecorder::isDdl).toList();
    }

    public void clear() {
        statements.clear();
    }

    private Object onConnectionCall(Method method, Object[] args, Callable<Object> call) throws Exception {
        String name = method.getName();
        if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args[0] instanceof String sql) {
            statements.add(sql);
        }
        return name.equals("createStatement") ? proxy(Statement.class, call.call(), this::onStatementCall) : call.call();
    }

    /** Recorded before the driver runs it: a statement that fails ran all the same. */
    private Object onStatementCall(Method method, Object[] args, Callable<Object> call) throws Exception {
        if ((method.getName().startsWith("execute") || method.getName().equals("addBatch")) && args != null
            && args.length > 0 && args[0] instanceof String sql) {
            statements.add(sql);
        }
        return call.call();
    }

    private static boolean isDdl(String sql) {
        String head = sql.strip().toUpperCase(Locale.ROOT);
        return DDL.stream().anyMatch(head::startsWith);
    }

    @FunctionalInterface
    private interface Interceptor {
        Object intercept(Method method, Object[] args, Callable<Object> call) throws Exception;
    }

    /** A proxy of {@code type} over {@code target} whose every call goes through {@code interceptor}. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Interceptor interceptor) {
        return (T) Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] { type },
                (p, method, args) -> {
                    try {
                        return interceptor.intercept(method, args, () -> method.invoke(target, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
