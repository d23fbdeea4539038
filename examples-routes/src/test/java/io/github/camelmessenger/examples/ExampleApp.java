package io.github.camelmessenger.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.camelmessenger.otn.MessengerOtnComponent;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.sandbox.junit.MessengerSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The example app as Camel Main boots it (application.properties, the configuration class, the routes of one DSL),
 * in a test: on a free port, with a fresh H2 database (or the one given), its crons set by the test, and the test
 * kit's sandbox as Graph API and users instead of the embedded one.
 */
final class ExampleApp implements AutoCloseable {

    /** A cron that never fires in a test: the Quartz routes a test does not drive stay quiet. */
    static final String NEVER = "0 0 0 1 1 ? 2099";
    /** A cron every second, for the tests that drive a scheduled route. */
    static final String EVERY_SECOND = "* * * * * ?";

    private final Main main;
    private final int port;

    private ExampleApp(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    /** The app on the test kit's sandbox; {@code properties} override application.properties. */
    static ExampleApp start(Dsl dsl, MessengerSandboxExtension sandbox, Map<String, String> properties) {
        int port = freePort();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("camel.server.port", String.valueOf(port));
        p.put("camel.server.host", "127.0.0.1");
        p.put("example.public-url", "http://localhost:" + port);
        p.put("example.db.url", "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        p.put("example.sandbox.enabled", "false");
        p.put("example.mail.embedded", "false");
        p.put("camel.component.messenger.base-uri", sandbox.graphBaseUri());
        p.put("camel.component.messenger.page-access-token", sandbox.sandbox().settings().pageAccessToken());
        p.put("camel.component.messenger.app-secret", sandbox.sandbox().settings().appSecret());
        p.put("camel.component.messenger.verify-token", sandbox.sandbox().settings().verifyToken());
        p.put("example.sms.gateway-url", sandbox.server().baseUrl() + "/sandbox/sms");
        p.put("example.offers.fallback-cron", NEVER);
        p.put("example.offers.broadcast-cron", NEVER);
        p.put("example.handover.check-cron", NEVER);
        p.putAll(properties);
        Main main = new Main();
        if (dsl == Dsl.JAVA) {
            // as -Dcamel.main.profile=java or CAMEL_MAIN_PROFILE=java do for a person: application-java.properties
            main.configure().setProfile("java");
        }
        p.forEach(main::addOverrideProperty);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                sandbox.bindTo(m.getCamelContext());
            }
        });
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("The example app did not start", e);
        }
        String source = String.valueOf(main.getCamelContext().getRoute("bot").getSourceLocation());
        if (source.contains("bot.yaml") != (dsl == Dsl.YAML)) {
            main.stop();
            throw new IllegalStateException("Asked for the " + dsl + " routes, but the bot came from " + source);
        }
        return new ExampleApp(main, port);
    }

    static ExampleApp start(Dsl dsl, MessengerSandboxExtension sandbox) {
        return start(dsl, sandbox, Map.of());
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    int port() {
        return port;
    }

    DataSource dataSource() {
        return context().getRegistry().lookupByNameAndType("dataSource", DataSource.class);
    }

    List<Map<String, Object>> query(String sql, Object... args) {
        return new JdbcTemplate(dataSource()).queryForList(sql, args);
    }

    OtnStore otnStore() {
        return context().getComponent("messenger-otn", MessengerOtnComponent.class).store();
    }

    @Override
    public void close() {
        main.stop();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
