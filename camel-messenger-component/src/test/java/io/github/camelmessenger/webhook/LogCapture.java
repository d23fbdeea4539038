package io.github.camelmessenger.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Collects what one class logs (WARN and up by default), for tests that assert an operator would be told. */
final class LogCapture implements AutoCloseable {

    private final String loggerName;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;

    private LogCapture(String loggerName, Level level) {
        this.loggerName = loggerName;
        this.appender = new AbstractAppender("capture-" + loggerName, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LoggerConfig logger = new LoggerConfig(loggerName, level, false);
        logger.addAppender(appender, level, null);
        config.addLogger(loggerName, logger);
        ctx.updateLoggers();
    }

    static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName(), Level.WARN);
    }

    static LogCapture of(Class<?> type, Level level) {
        return new LogCapture(type.getName(), level);
    }

    List<String> warnings() {
        return lines.stream().filter(l -> l.startsWith("WARN")).toList();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().removeLogger(loggerName);
        ctx.updateLoggers();
        appender.stop();
    }
}
