package io.github.camelmessenger;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.vertx.core.Vertx;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: the Graph client uses the runtime's Vert.x, goes through an HTTP proxy and takes TLS material from
 * Camel's SSLContextParameters, as Camel's other HTTP components do.
 */
class TransportOptionsTest {

    private static final String STORE_PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Path keystore;
    private WireMockServer graph;
    private DefaultCamelContext context;

    /** A certificate for localhost (WireMock's own names nobody), made by the JDK's keytool. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = dir.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    }

    @BeforeEach
    void start() {
        graph = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword(STORE_PASSWORD).keyManagerPassword(STORE_PASSWORD)
                .keystoreType("PKCS12").enableBrowserProxying(true));
        graph.start();
        graph.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson("{\"message_id\":\"m_1\"}")));
        context = new DefaultCamelContext();
    }

    @AfterEach
    void stop() throws Exception {
        context.close();
        graph.stop();
    }

    private Exchange send(String uri) {
        return context.createProducerTemplate().send(uri, e -> {
            e.getMessage().setHeader("CamelMessengerRecipientId", "123");
            e.getMessage().setBody("hi");
        });
    }

    @Test
    void theSingleVertxOfTheRegistryCarriesTheCalls() throws Exception {
        Vertx runtime = Vertx.vertx();
        try {
            context.getRegistry().bind("vertx", Vertx.class, runtime);
            MessengerComponent messenger = new MessengerComponent();
            context.addComponent("messenger", messenger);
            context.start();

            assertThat(messenger.vertx(messenger.getConfiguration())).isSameAs(runtime);
            assertThat(send("messenger:sendMessage?pageAccessToken=t&baseUri=http://localhost:" + graph.port()).getException())
                    .isNull();
            context.stop();
            // the component closes only what it created: the runtime's Vert.x still runs
            assertThat(runtime.setTimer(1, id -> { })).isNotNegative();
        } finally {
            runtime.close();
        }
    }

    @Test
    void callsGoThroughTheConfiguredProxy() throws Exception {
        context.addComponent("messenger", new MessengerComponent());
        context.start();

        // a host that does not resolve: only the proxy can reach it
        Exchange out = send("messenger:sendMessage?pageAccessToken=t&baseUri=http://graph.messenger.invalid"
                            + "&allowInsecureBaseUri=true&proxyHost=127.0.0.1&proxyPort=" + graph.port());

        assertThat(out.getException()).isNull();
        graph.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/me/messages"))
                .withHeader("Host", equalTo("graph.messenger.invalid")));
    }

    @Test
    void tlsTrustComesFromSslContextParameters() throws Exception {
        MessengerComponent messenger = new MessengerComponent();
        context.addComponent("messenger", messenger);
        context.getRegistry().bind("trustWireMock", trusting(keystore, STORE_PASSWORD));
        context.start();
        String base = "https://localhost:" + graph.httpsPort();

        // the JVM's trust store does not know WireMock's certificate...
        Exchange untrusted = send("messenger:sendMessage?pageAccessToken=t&maxRetries=0&baseUri=" + base);
        assertThat(untrusted.getException()).isNotNull();
        // ...the parameters do
        Exchange trusted = send("messenger:sendMessage?pageAccessToken=t&maxRetries=0&baseUri=" + base
                                + "&sslContextParameters=#trustWireMock");
        assertThat(trusted.getException()).isNull();
        graph.verify(1, postRequestedFor(anyUrl()));
    }

    private static SSLContextParameters trusting(Path file, String password) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + file);
        store.setPassword(password);
        store.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
