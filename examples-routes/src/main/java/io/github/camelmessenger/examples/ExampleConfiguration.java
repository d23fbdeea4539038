package io.github.camelmessenger.examples;

import java.net.URI;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelmessenger.examples.db.ExampleDataSource;
import io.github.camelmessenger.examples.db.ExampleSchema;
import io.github.camelmessenger.examples.demo.DemoMailServer;
import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.camel.EmbeddedSandbox;
import io.github.camelmessenger.sandbox.camel.SandboxCamel;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the bot's routes need besides Camel components, from {@code application.properties}: the database (one pooled
 * DataSource, which camel-sql and both messenger components share, with the bot's own tables), the product cards
 * bean, and on the embedded defaults the demo environment: the Messenger sandbox on the app's own port (Graph API,
 * simulated users, page, fake SMS gateway) and an SMTP server whose e-mails show on the sandbox page.
 */
public class ExampleConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ExampleConfiguration.class);

    @PropertyInject("example.db.url")
    private String dbUrl;
    @PropertyInject(value = "example.db.user", defaultValue = "")
    private String dbUser;
    @PropertyInject(value = "example.db.password", defaultValue = "")
    private String dbPassword;
    @PropertyInject("example.public-url")
    private String publicUrl;
    @PropertyInject(value = "example.sandbox.enabled", defaultValue = "false")
    private boolean sandboxEnabled;
    @PropertyInject(value = "example.mail.embedded", defaultValue = "false")
    private boolean embeddedMail;
    @PropertyInject(value = "example.mail.embedded-host", defaultValue = "127.0.0.1")
    private String embeddedMailHost;
    @PropertyInject(value = "example.mail.embedded-port", defaultValue = "3025")
    private int embeddedMailPort;
    @PropertyInject(value = "camel.component.messenger.base-uri", defaultValue = "")
    private String graphBaseUri;
    @PropertyInject(value = "camel.component.messenger.page-access-token", defaultValue = "")
    private String pageAccessToken;
    @PropertyInject(value = "camel.component.messenger.app-secret", defaultValue = "")
    private String appSecret;
    @PropertyInject(value = "camel.component.messenger.verify-token", defaultValue = "")
    private String verifyToken;

    @Override
    public void configure(CamelContext context) throws Exception {
        HikariDataSource dataSource = ExampleDataSource.open(dbUrl, dbUser, dbPassword);
        ExampleSchema.apply(dataSource);
        context.getRegistry().bind("dataSource", DataSource.class, dataSource);
        context.getRegistry().bind("productCards", new ProductCards(publicUrl));

        if (!sandboxEnabled) {
            requireCredentials();
        }
        if (sandboxEnabled) {
            // tag::embedded-sandbox[]
            Sandbox sandbox = Sandbox.builder().build();           // Page token, app secret, verify token: defaults
            SandboxCamel.bind(context, sandbox, graphBaseUri);     // before routes are added
            context.addService(new EmbeddedSandbox(sandbox));      // mounts /sandbox at start
            // end::embedded-sandbox[]
        }
        if (embeddedMail) {
            URI outbox = sandboxEnabled ? URI.create(publicUrl + "/sandbox/api/outbox") : null;
            context.addService(new DemoMailServer(embeddedMailHost, embeddedMailPort, outbox));
        }
        context.getManagementStrategy().addEventNotifier(new Lifecycle(dataSource));
    }

    /**
     * Outside sandbox mode there is no default credential: a forgotten variable must not leave the webhook checking
     * signatures with the sandbox's secret, which everybody can read in this repository.
     */
    private void requireCredentials() {
        StringBuilder missing = new StringBuilder();
        appendIfUnset(missing, pageAccessToken, Sandbox.DEFAULT_PAGE_ACCESS_TOKEN,
                "MESSENGER_PAGE_ACCESS_TOKEN (camel.component.messenger.page-access-token)");
        appendIfUnset(missing, appSecret, Sandbox.DEFAULT_APP_SECRET,
                "MESSENGER_APP_SECRET (camel.component.messenger.app-secret)");
        appendIfUnset(missing, verifyToken, Sandbox.DEFAULT_VERIFY_TOKEN,
                "MESSENGER_VERIFY_TOKEN (camel.component.messenger.verify-token)");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The example bot runs against the real Messenger Platform "
                                            + "(example.sandbox.enabled=false) but these are not set (or still the sandbox's public defaults): " + missing
                                            + ". See docs/going-live.md; EXAMPLE_SANDBOX=true runs it on the sandbox.");
        }
    }

    private static void appendIfUnset(StringBuilder missing, String value, String sandboxDefault, String name) {
        if (value == null || value.isBlank() || value.equals(sandboxDefault)) {
            missing.append(missing.isEmpty() ? "" : ", ").append(name);
        }
    }

    /** Says where to go once the app runs, and closes the pool once everything has stopped. */
    private final class Lifecycle extends EventNotifierSupport {

        private final HikariDataSource dataSource;

        Lifecycle(HikariDataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.CamelContextStartedEvent) {
                if (sandboxEnabled) {
                    LOG.info("The example bot runs. Talk to it in the Messenger sandbox: {}/sandbox", publicUrl);
                } else {
                    LOG.info("The example bot runs; its webhook is {}/messenger/webhook", publicUrl);
                }
            } else if (event instanceof CamelEvent.CamelContextStoppedEvent) {
                dataSource.close();
            }
        }
    }
}
