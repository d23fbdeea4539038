package io.github.camelmessenger.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing is lost when the application and its database restart: an H2 file database, shut down and reopened. */
class H2FileRestartTest {

    private static final String PAGE = "1122334455667788";
    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void waitsAndLastInboundTimesSurviveARestartOfTheDatabase() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("state").toAbsolutePath();
        Wait pending = Wait.of(PAGE, "u1", "ask-email", T0, Duration.ofMinutes(30));
        Wait expiring = Wait.of(PAGE, "u2", "ask-name", T0, Duration.ofMinutes(1));

        JdbcConversationStateRepository before = new JdbcConversationStateRepository(dataSource(url));
        before.start();
        before.putWait(pending);
        before.putWait(expiring);
        before.recordInbound(PAGE, "u1", T0.plusSeconds(5));
        before.stop();
        try (Connection c = dataSource(url).getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }

        JdbcConversationStateRepository after = new JdbcConversationStateRepository(dataSource(url));
        after.start();
        try {
            Instant later = T0.plus(Duration.ofMinutes(10));
            assertThat(after.lastInbound(PAGE, "u1")).contains(T0.plusSeconds(5));
            assertThat(after.claimExpired(later, 10)).containsExactly(expiring);
            assertThat(after.takeWait(PAGE, "u1", later)).contains(pending);
        } finally {
            after.stop();
            try (Connection c = dataSource(url).getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return ds;
    }
}
