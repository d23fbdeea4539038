package io.github.camelmessenger.otn.fault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.otn.MessengerOtnComponent;
import io.github.camelmessenger.otn.OtnRouteTestSupport;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.OtnToken;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Nodes, tokens and the per-token request count of the OTN fault tests. */
final class OtnFaultSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OtnFaultSupport() {
    }

    /** A node: its own CamelContext, messenger component against the mock, and the OTN store on {@code database}. */
    static CamelContext node(String name, DataSource database, String prefix, String graphBaseUri, String broadcastUri)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        MessengerComponent messenger = new MessengerComponent();
        messenger.getConfiguration().setBaseUri(graphBaseUri);
        messenger.getConfiguration().setPageAccessToken(OtnRouteTestSupport.PAGE_TOKEN);
        messenger.getConfiguration().setRateLimitEnabled(false);
        messenger.getConfiguration().setMaxRetries(0);
        messenger.getConfiguration().setRequestTimeout(20_000);
        context.addComponent("messenger", messenger);
        MessengerOtnComponent otn = new MessengerOtnComponent();
        otn.setDataSource(database);
        otn.setTablePrefix(prefix);
        otn.setNodeId(name);
        context.addComponent("messenger-otn", otn);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(broadcastUri).routeId(name).setBody(constant("Back in stock")).to("messenger:sendMessage");
            }
        });
        return context;
    }

    static List<OtnToken> tokens(String topic, int n) {
        Instant t = Instant.now().minusSeconds(3600);
        List<OtnToken> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tokens.add(OtnToken.optIn(OtnRouteTestSupport.PAGE, topic + "-user-" + i, topic, topic + "-token-" + i,
                    topic, t.plusMillis(i)));
        }
        return tokens;
    }

    static void seed(OtnStore store, String topic, int n) {
        assertThat(store.storeTokens(tokens(topic, n))).isEqualTo(n);
    }

    /** How many Send API requests carried each one-time notification token, from WireMock's journal. */
    static Map<String, Integer> sendsPerToken(WireMockServer wm) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (LoggedRequest r : wm.findAll(postRequestedFor(anyUrl()))) {
            JsonNode token = JSON.readTree(r.getBodyAsString()).path("recipient").path("one_time_notif_token");
            if (!token.isMissingNode()) {
                counts.merge(token.asText(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
