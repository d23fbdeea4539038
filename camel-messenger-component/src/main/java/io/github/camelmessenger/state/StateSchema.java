package io.github.camelmessenger.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelmessenger.jdbc.Dialect;
import io.github.camelmessenger.jdbc.Schema;
import io.github.camelmessenger.jdbc.SqlErrors;
import io.github.camelmessenger.jdbc.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The conversation state's tables: found or created from the shipped script when the repository is first used. */
final class StateSchema {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversationStateRepository.class);

    private StateSchema() {
    }

    /** Finds the dialect and creates the missing tables (or says which are missing), once per repository. */
    static StateSql prepare(DataSource dataSource, String tablePrefix, Dialect forcedDialect,
                            boolean createTablesIfMissing) {
        StateTables tables = StateTables.withPrefix(tablePrefix);
        try (Connection c = dataSource.getConnection()) {
            Dialect dialect = forcedDialect != null ? forcedDialect : Dialect.of(c);
            SqlScript script = SqlScript.load(JdbcConversationStateRepository.class,
                    JdbcConversationStateRepository.SCRIPT, dialect, Map.of("prefix", tablePrefix));
            if (createTablesIfMissing) {
                createMissing(c, script);
            } else {
                List<String> missing = Schema.missing(c, script);
                if (!missing.isEmpty()) {
                    throw new ConversationStateException("Conversation state tables " + tables.waits() + "/"
                                                         + tables.lastInbound() + " are incomplete and"
                                                         + " createTablesIfMissing is false; create them with: "
                                                         + String.join("; ", missing));
                }
            }
            LOG.info("Conversation state in {} tables {} and {} ({} SQL)", c.getMetaData().getDatabaseProductName(),
                    tables.waits(), tables.lastInbound(), dialect.id());
            return StateSql.of(dialect, tables);
        } catch (SQLException e) {
            throw new ConversationStateException("Conversation state: cannot prepare tables " + tables.waits()
                                                 + " and " + tables.lastInbound() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Nodes starting together on an empty database create the same tables at once; H2 may then report a deadlock
     * between their DDL: the loser looks again (what the winner created is no longer missing).
     */
    private static void createMissing(Connection c, SqlScript script) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try {
                Schema.createMissing(c, script);
                return;
            } catch (SQLException e) {
                if (attempt >= 5 || !SqlErrors.isContention(e)) {
                    throw e;
                }
                LOG.debug("Creating the conversation state tables met another node's DDL (attempt {}): {}", attempt,
                        e.getMessage());
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
