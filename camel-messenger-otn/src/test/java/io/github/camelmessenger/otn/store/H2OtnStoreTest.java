package io.github.camelmessenger.otn.store;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 database file, the embedded default. */
class H2OtnStoreTest extends AbstractJdbcOtnStoreTest {

    @TempDir
    static Path dir;
    private static final String PREFIX = TestDatabases.uniquePrefix();
    private static JdbcConnectionPool pool;

    @BeforeAll
    static void openDatabase() {
        pool = TestDatabases.h2File(dir);
    }

    @AfterAll
    static void dropTables() throws Exception {
        TestDatabases.dropTables(pool, PREFIX);
        pool.dispose();
    }

    @Override
    protected DataSource dataSource() {
        return pool;
    }

    @Override
    protected String prefix() {
        return PREFIX;
    }

    @Override
    protected DataSource reopen() {
        pool.dispose(); // the last connection closes the database file
        pool = TestDatabases.h2File(dir);
        return pool;
    }

    @Override
    protected int concurrencyTokens() {
        return 2_000;
    }
}
