package io.github.camelmessenger.producer;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.camelmessenger.MessengerEndpoint;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The Page access token and the app secret never show in logs, exception messages or toString(). */
class SecretsTest extends GraphApiTestSupport {

    private static final String URI_TOKEN = "EAAURItoken-secret-42";
    private static final String URI_SECRET = "uri-app-secret-77";

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private AbstractAppender capture;
    private Level previousRootLevel;

    @BeforeEach
    void captureAllLogs() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getMessage().getFormattedMessage());
                for (Throwable t = event.getThrown(); t != null; t = t.getCause()) {
                    line.append(" | ").append(t);
                }
                logLines.add(line.toString());
            }
        };
        capture.start();
        LoggerConfig root = config.getRootLogger();
        previousRootLevel = root.getLevel();
        root.addAppender(capture, Level.ALL, null);
        // Camel core writes raw endpoint URIs at TRACE (outside this component); everything else at DEBUG, and the
        // component's own loggers at every level
        root.setLevel(Level.DEBUG);
        ctx.updateLoggers();
        Configurator.setLevel("io.github.camelmessenger", Level.ALL);
    }

    @AfterEach
    void stopCapture() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = ctx.getConfiguration().getRootLogger();
        root.removeAppender("capture");
        root.setLevel(previousRootLevel);
        ctx.updateLoggers();
        Configurator.setLevel("io.github.camelmessenger", previousRootLevel);
        capture.stop();
    }

    @Test
    void appsecretProofIsTheHmacOfTheTokenAndTheTokenTravelsInAHeader() throws Exception {
        Exchange out = send("messenger:sendMessage?appSecret=RAW(" + APP_SECRET + ")", "proof");

        assertThat(out.getException()).isNull();
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/me/messages"))
                .withQueryParam("appsecret_proof", equalTo(hmacSha256Hex(APP_SECRET, TOKEN)))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(requests().get(0).getUrl()).doesNotContain(TOKEN);
    }

    @Test
    void noSecretInLogsExceptionsOrToString() {
        String uri = "messenger:sendMessage?pageAccessToken=RAW(" + URI_TOKEN + ")&appSecret=RAW(" + URI_SECRET
                     + ")&maxRetries=1";
        // a success, a platform error and a transport failure, all logged at the finest level
        Exchange ok = send(uri, "fine");
        stubMessagesError(400, error(190, 463, "Error validating access token"));
        Exchange apiError = send(uri, "expired token");
        Exchange transportError = send(uri.replace("sendMessage?", "sendMessage?baseUri=http://127.0.0.1:1&"), "down");
        Exchange validationError = send(uri, "x".repeat(2001));

        assertThat(ok.getException()).isNull();
        assertThat(apiError.getException()).isNotNull();
        assertThat(transportError.getException()).isNotNull();
        assertThat(validationError.getException()).isNotNull();

        MessengerEndpoint endpoint = context.getEndpoint(uri, MessengerEndpoint.class);
        StringBuilder everything = new StringBuilder();
        logLines.forEach(line -> everything.append(line).append('\n'));
        for (Exchange e : List.of(apiError, transportError, validationError)) {
            for (Throwable t = e.getException(); t != null; t = t.getCause()) {
                everything.append(t).append('\n');
            }
        }
        everything.append(endpoint).append('\n')
                .append(endpoint.getConfiguration()).append('\n')
                .append(context.getComponent("messenger", io.github.camelmessenger.MessengerComponent.class)
                        .getConfiguration());

        assertThat(logLines).isNotEmpty();
        assertThat(everything.toString()).doesNotContain(URI_TOKEN).doesNotContain(URI_SECRET)
                .doesNotContain(TOKEN).doesNotContain(APP_SECRET);
    }

    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }
}
