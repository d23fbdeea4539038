package io.github.camelmessenger.otn;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.otn.store.OtnStore;
import io.github.camelmessenger.otn.store.StoredToken;
import io.github.camelmessenger.otn.store.TestDatabases;
import io.github.camelmessenger.otn.store.TokenStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Routes of the {@code messenger} and {@code messenger-otn} components against WireMock playing the Graph API and an
 * H2 database file, bound as the registry's only DataSource (so the component autowires it). Each test starts with
 * empty tables.
 */
public abstract class OtnRouteTestSupport extends CamelTestSupport {

    public static final String PAGE = "1000";
    public static final String PAGE_TOKEN = "EAAG-test-page-token-0123456789";
    public static final String MESSAGES = "/v25.0/[^/]+/messages";

    @TempDir
    static Path dir;
    protected static WireMockServer graph;
    protected static JdbcConnectionPool pool;

    @BeforeAll
    static void startGraphAndDatabase() {
        graph = new WireMockServer(WireMockConfiguration.options().dynamicPort().asynchronousResponseEnabled(true));
        graph.start();
        pool = TestDatabases.h2File(dir);
    }

    @AfterAll
    static void stopGraphAndDatabase() {
        graph.stop();
        pool.dispose();
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        registry.bind("otnDatabase", pool);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        graph.resetAll();
        graph.stubFor(post(urlPathMatching(MESSAGES))
                .willReturn(okJson("{\"recipient_id\":\"1254459154682919\",\"message_id\":\"m_sent\"}")));
        CamelContext context = super.createCamelContext();
        MessengerComponent messenger = new MessengerComponent();
        messenger.getConfiguration().setBaseUri(graph.baseUrl());
        messenger.getConfiguration().setPageAccessToken(PAGE_TOKEN);
        messenger.getConfiguration().setRetryDelay(5);
        messenger.getConfiguration().setRateLimitRetryDelay(20);
        context.addComponent("messenger", messenger);
        // messenger-otn is resolved from the classpath, as in an application, and autowires the DataSource
        return context;
    }

    /** Runs after the context started (and created the tables): every test starts with empty tables. */
    @BeforeEach
    void emptyTables() throws Exception {
        TestDatabases.deleteRows(pool, "");
    }

    protected OtnStore store() {
        return context.getComponent("messenger-otn", MessengerOtnComponent.class).store();
    }

    protected StoredToken stored(String token) {
        return store().findToken(token).orElseThrow(() -> new AssertionError("token not stored"));
    }

    protected TokenStatus status(String token) {
        return stored(token).status();
    }

    /** The exchange messenger:webhook makes of a one_time_notif_optin event, sent to {@code uri}. */
    protected Exchange optIn(String uri, String psid, String token, String payload, Instant at) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(MessengerConstants.PLATFORM, MessengerConstants.PLATFORM_FACEBOOK_MESSENGER);
        headers.put(MessengerConstants.EVENT_TYPE, "one_time_notif_optin");
        headers.put(MessengerConstants.TIMESTAMP, at.toEpochMilli());
        headers.put(MessengerConstants.STANDBY, false);
        headers.put(MessengerConstants.PAGE_ID, PAGE);
        headers.put(MessengerConstants.SENDER_ID, psid);
        headers.put(MessengerConstants.ONE_TIME_NOTIF_TOKEN, token);
        headers.put(MessengerConstants.OPTIN_PAYLOAD, payload);
        return template.send(uri, e -> e.getMessage().setHeaders(headers));
    }

    protected Exchange optIn(String psid, String token, String payload) {
        return optIn("messenger-otn:store", psid, token, payload, Instant.now());
    }

    protected void startRoute(String id) throws Exception {
        context.getRouteController().startRoute(id);
    }

    protected void stopRoute(String id) throws Exception {
        context.getRouteController().stopRoute(id);
    }

    /** The sends the Graph API received addressed to this token. */
    protected static List<LoggedRequest> sendsTo(String token) {
        return graph.findAll(postRequestedFor(urlPathMatching(MESSAGES))
                .withRequestBody(matchingJsonPath("$.recipient.one_time_notif_token", equalTo(token))));
    }

    /** The sends the Graph API received addressed to this PSID. */
    protected static List<LoggedRequest> sendsToPsid(String psid) {
        return graph.findAll(postRequestedFor(urlPathMatching(MESSAGES))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo(psid))));
    }

    protected static List<LoggedRequest> allSends() {
        return graph.findAll(postRequestedFor(urlPathMatching(MESSAGES)));
    }

    /** Sends addressed to this token get this Graph API error. */
    protected static void failSendsTo(String token, int httpStatus, int code, int subcode, String message) {
        graph.stubFor(post(urlPathMatching(MESSAGES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipient.one_time_notif_token", equalTo(token)))
                .willReturn(aResponse().withStatus(httpStatus).withHeader("Content-Type", "application/json")
                        .withBody(error(code, subcode, message))));
    }

    protected static String error(int code, int subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
               + (subcode != 0 ? ",\"error_subcode\":" + subcode : "") + ",\"fbtrace_id\":\"AbCdEf123\"}}";
    }

    protected static void resetGraphRequests() {
        graph.resetRequests();
    }

    protected static WireMock wireMock() {
        return new WireMock(graph.port());
    }
}
