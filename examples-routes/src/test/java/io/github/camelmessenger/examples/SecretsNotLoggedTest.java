package io.github.camelmessenger.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 10, point 15: the page token, the app secret and the verify token, given to Camel Main as literal property
 * values, appear nowhere in the whole log of a start and stop: Camel Main's auto-configuration summary and its verbose
 * startup summary at their usual INFO, and everything of ours (component, webhook, OTN, example) down to TRACE.
 * <p>
 * Not covered, because it is Camel's and not ours: at DEBUG, Camel Main's property binding
 * ({@code org.apache.camel.main}) and the properties component ({@code org.apache.camel.component.properties},
 * {@code DefaultCamelContextExtension}) print every resolved property value, secret or not, for every component.
 */
class SecretsNotLoggedTest {

    private static final String PAGE_TOKEN = "EAAGliteralPageToken4711xyz";
    private static final String APP_SECRET = "literalAppSecret4711xyz";
    private static final String VERIFY_TOKEN = "literalVerifyToken4711xyz";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private CapturingAppender appender;
    private Level rootLevel;
    private LoggerConfig ours;
    private Main main;

    @BeforeEach
    void captureEverything() {
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        appender = new CapturingAppender(lines);
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        rootLevel = root.getLevel();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.INFO);
        ours = new LoggerConfig("io.github.camelmessenger", Level.TRACE, true);
        config.addLogger(ours.getName(), ours);
        config.getLoggers().values().forEach(l -> {
            if (l != root) {
                l.addAppender(appender, Level.ALL, null);
                if (l.getName().startsWith("io.github.camelmessenger")) {
                    l.setLevel(Level.TRACE);
                }
            }
        });
        logging.updateLoggers();
    }

    @AfterEach
    void restore() {
        System.clearProperty("camel.component.messenger.page-access-token");
        System.clearProperty("camel.component.messenger.app-secret");
        System.clearProperty("camel.component.messenger.verify-token");
        if (main != null) {
            main.stop();
        }
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        config.getRootLogger().removeAppender(appender.getName());
        config.getRootLogger().setLevel(rootLevel);
        config.removeLogger(ours.getName());
        config.getLoggers().values().forEach(l -> {
            l.removeAppender(appender.getName());
            if (l.getName().startsWith("io.github.camelmessenger")) {
                l.setLevel(Level.INFO);
            }
        });
        logging.updateLoggers();
        appender.stop();
    }

    @Test
    void literalCredentialsNeverReachTheLog() throws Exception {
        int port = ExampleApp.freePort();
        main = new Main();
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("example.public-url", "http://localhost:" + port);
        main.addOverrideProperty("example.sandbox.enabled", "false");
        main.addOverrideProperty("example.mail.embedded", "false");
        main.addOverrideProperty("example.offers.fallback-cron", ExampleApp.NEVER);
        main.addOverrideProperty("example.offers.broadcast-cron", ExampleApp.NEVER);
        main.addOverrideProperty("example.handover.check-cron", ExampleApp.NEVER);
        main.addOverrideProperty("camel.component.messenger.base-uri", "http://127.0.0.1:" + ExampleApp.freePort() + "/graph");
        // as -D options: Camel Main lists JVM system properties in its INFO summary (overrides only at DEBUG)
        System.setProperty("camel.component.messenger.page-access-token", PAGE_TOKEN);
        System.setProperty("camel.component.messenger.app-secret", APP_SECRET);
        System.setProperty("camel.component.messenger.verify-token", VERIFY_TOKEN);
        // everything Camel Main can tell about its configuration
        main.addOverrideProperty("camel.main.auto-configuration-log-summary", "true");
        main.addOverrideProperty("camel.main.startup-summary-level", "Verbose");
        main.start();

        MessengerComponent messenger = main.getCamelContext().getComponent("messenger", MessengerComponent.class);
        assertThat(messenger.getConfiguration().getAppSecret())
                .as("the literal values were applied (else this test proves nothing)").isEqualTo(APP_SECRET);
        assertThat(messenger.getConfiguration().getPageAccessToken()).isEqualTo(PAGE_TOKEN);
        main.stop();
        main = null;

        assertThat(lines).as("log lines captured").hasSizeGreaterThan(50);
        // the summaries name the options (so the values would have been there) and mask them
        assertThat(lines).anyMatch(l -> l.matches("(?s).*camel\\.component\\.messenger\\.appSecret\\s*=\\s*xxxxxx.*"));
        assertThat(lines).anyMatch(l -> l.matches("(?s).*camel\\.component\\.messenger\\.pageAccessToken\\s*=\\s*xxxxxx.*"));
        assertThat(lines).anyMatch(l -> l.matches("(?s).*camel\\.component\\.messenger\\.verifyToken\\s*=\\s*xxxxxx.*"));
        assertThat(lines).noneMatch(l -> l.contains(PAGE_TOKEN)).noneMatch(l -> l.contains(APP_SECRET))
                .noneMatch(l -> l.contains(VERIFY_TOKEN));
    }

    @Test
    void outsideTheSandboxTheAppWillNotStartWithoutAnAppSecret() {
        int port = ExampleApp.freePort();
        main = new Main();
        main.addOverrideProperty("camel.server.port", String.valueOf(port));
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("example.sandbox.enabled", "false");
        main.addOverrideProperty("example.mail.embedded", "false");
        main.addOverrideProperty("camel.component.messenger.page-access-token", PAGE_TOKEN);
        main.addOverrideProperty("camel.component.messenger.verify-token", VERIFY_TOKEN);
        assertThatThrownBy(main::start).hasStackTraceContaining("MESSENGER_APP_SECRET");
        assertThat(lines).noneMatch(l -> l.contains(PAGE_TOKEN)).noneMatch(l -> l.contains(VERIFY_TOKEN));
    }

    /** Keeps each event's formatted message and stack trace. */
    private static final class CapturingAppender extends AbstractAppender {
        private final List<String> lines;

        CapturingAppender(List<String> lines) {
            super("secrets-capture", null, null, true, Property.EMPTY_ARRAY);
            this.lines = lines;
        }

        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
                StringWriter trace = new StringWriter();
                event.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }
    }
}
