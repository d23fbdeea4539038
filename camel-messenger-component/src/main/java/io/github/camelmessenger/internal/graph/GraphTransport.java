package io.github.camelmessenger.internal.graph;

import java.util.function.Consumer;

import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What corporate networks need between the component and the Graph API: an HTTP proxy and TLS material from Camel's
 * {@link SSLContextParameters}, applied to the Vert.x HTTP client options.
 */
public final class GraphTransport {

    private GraphTransport() {
    }

    /**
     * @return the options' adjustments, or {@code null} when neither a proxy nor TLS parameters are given
     */
    public static Consumer<HttpClientOptions> of(CamelContext context, String proxyHost, int proxyPort,
                                                 String proxyUsername, String proxyPassword,
                                                 SSLContextParameters ssl) {
        if (proxyHost == null && ssl == null) {
            return null;
        }
        ProxyOptions proxy = proxyHost == null ? null : new ProxyOptions().setType(ProxyType.HTTP).setHost(proxyHost)
                .setPort(proxyPort).setUsername(proxyUsername).setPassword(proxyPassword);
        TrustOptions trust = null;
        KeyCertOptions keyCert = null;
        if (ssl != null) {
            try {
                if (ssl.getTrustManagers() != null) {
                    ssl.getTrustManagers().setCamelContext(context);
                    if (ssl.getTrustManagers().getKeyStore() != null) {
                        ssl.getTrustManagers().getKeyStore().setCamelContext(context);
                    }
                    TrustManager[] managers = ssl.getTrustManagers().createTrustManagers();
                    if (managers.length > 0) {
                        trust = TrustOptions.wrap(managers[0]);
                    }
                }
                if (ssl.getKeyManagers() != null) {
                    ssl.getKeyManagers().setCamelContext(context);
                    if (ssl.getKeyManagers().getKeyStore() != null) {
                        ssl.getKeyManagers().getKeyStore().setCamelContext(context);
                    }
                    for (KeyManager km : ssl.getKeyManagers().createKeyManagers()) {
                        if (km instanceof X509KeyManager x509) {
                            keyCert = KeyCertOptions.wrap(x509);
                            break;
                        }
                    }
                }
            } catch (Exception e) {
                throw new RuntimeCamelException("Cannot read sslContextParameters: " + e.getMessage(), e);
            }
        }
        TrustOptions trustOptions = trust;
        KeyCertOptions keyCertOptions = keyCert;
        return options -> {
            if (proxy != null) {
                options.setProxyOptions(proxy);
            }
            if (trustOptions != null) {
                options.setTrustOptions(trustOptions);
            }
            if (keyCertOptions != null) {
                options.setKeyCertOptions(keyCertOptions);
            }
        };
    }
}
