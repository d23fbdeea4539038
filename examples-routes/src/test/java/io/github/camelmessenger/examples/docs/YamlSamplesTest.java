package io.github.camelmessenger.examples.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.github.camelmessenger.examples.docs.samples.ErrorSamples;
import io.github.camelmessenger.examples.docs.samples.FirstBotRoutes;
import io.github.camelmessenger.examples.docs.samples.OtnSamples;
import io.github.camelmessenger.examples.docs.samples.WindowSamples;
import io.github.camelmessenger.examples.docs.samples.ReadmeSamples;
import io.github.camelmessenger.examples.docs.samples.WebhookSamples;
import org.h2.jdbcx.JdbcDataSource;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML samples of the docs are loaded with Camel's YAML DSL into a context whose routes are built (endpoints
 * created, options checked) but not started, beside the Java DSL samples' route builders: a sample with a wrong URI,
 * operation or option fails here.
 */
class YamlSamplesTest {

    static final String FOLDER = "examples-routes/src/test/resources/docs/";

    @Test
    void everyYamlSampleAndJavaRouteSampleBuildsItsRoutes() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(DocSamples.ROOT.resolve(FOLDER))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        // one context per source: samples of different pages may use the same endpoints
        for (Path file : files) {
            try (DefaultCamelContext context = context()) {
                Resource resource = ResourceHelper.resolveResource(context, "file:" + file);
                PluginHelper.getRoutesLoader(context).loadRoutes(resource);
                context.start();
                assertThat(context.getRoutes()).as(file.toString()).isNotEmpty();
            }
        }
        for (RoutesBuilder builder : List.of(new ReadmeSamples(), new WebhookSamples(),
                new WebhookSamples.TwoWebhooks(), new WebhookSamples.Idempotent(), new WebhookSamples.Inbox(),
                new OtnSamples(), new ErrorSamples(), new WindowSamples(), new FirstBotRoutes())) {
            try (DefaultCamelContext context = context()) {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:doc-samples;DB_CLOSE_DELAY=-1");
                context.getRegistry().bind("dataSource", DataSource.class, h2);
                context.addRoutes(builder);
                context.start();
                assertThat(context.getRoutes()).as(builder.getClass().getSimpleName()).isNotEmpty();
            }
        }
    }

    /** Routes built, nothing started; the placeholders the samples use. */
    private static DefaultCamelContext context() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.setAutoStartup(false);
        Properties placeholders = new Properties();
        placeholders.put("messenger.token", "sample-page-token");
        placeholders.put("messenger.appSecret", "sample-app-secret");
        placeholders.put("messenger.verifyToken", "sample-verify-token");
        placeholders.put("shop.appSecret", "sample-app-secret");
        placeholders.put("shop.verifyToken", "sample-verify-token");
        placeholders.put("support.appSecret", "sample-app-secret-2");
        placeholders.put("support.verifyToken", "sample-verify-token-2");
        context.getPropertiesComponent().setInitialProperties(placeholders);
        return context;
    }
}
