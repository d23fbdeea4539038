package io.github.camelmessenger.examples.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The bot's one database: a pooled DataSource (the stores borrow a connection per operation and the OTN broadcast
 * holds one per open batch on PostgreSQL). The components find it in the registry as the single DataSource.
 */
public final class ExampleDataSource {

    private ExampleDataSource() {
    }

    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("example-bot");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }
}
