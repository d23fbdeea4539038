package io.github.camelmessenger.internal.graph;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelmessenger.MessengerAmbiguousSendException;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.MessengerException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class GraphClientTest {

    private static final String TOKEN = "EAAG-page-token-0123456789";
    private static final String SECRET = "app-secret-abcdef";
    private static final String PAGE = "1122334455";
    private static final byte[] TEXT_MESSAGE
            = "{\"recipient\":{\"id\":\"42\"},\"message\":{\"text\":\"hi\"}}".getBytes(StandardCharsets.UTF_8);
    private static final String SENT = "{\"recipient_id\":\"42\",\"message_id\":\"m_1\"}";

    private static Vertx vertx;
    private static WireMockServer wireMock;

    @BeforeAll
    static void startServers() {
        vertx = Vertx.vertx();
        wireMock = new WireMockServer(options().dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stopServers() {
        wireMock.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void resetStubs() {
        wireMock.resetAll();
    }

    private static GraphClientOptions.Builder fastOptions() {
        return GraphClientOptions.builder()
                .baseUri("http://localhost:" + wireMock.port())
                .retryDelayMillis(10)
                .rateLimitRetryDelayMillis(200)
                .maxRetryDelayMillis(1000)
                .requestTimeoutMillis(5000)
                .connectTimeoutMillis(2000);
    }

    private static GraphClient client(GraphClientOptions.Builder options) {
        return new GraphClient(vertx, options.build(), null);
    }

    private static GraphRequest sendText() {
        return GraphRequest.postJson("me/messages", TEXT_MESSAGE, TOKEN, SECRET, PAGE, RateClass.STANDARD);
    }

    private static String hmacSha256Hex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static GraphResponse await(CompletableFuture<GraphResponse> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    private static Throwable awaitFailure(CompletableFuture<GraphResponse> future) throws Exception {
        try {
            GraphResponse response = future.get(20, TimeUnit.SECONDS);
            return fail("expected a failure, got " + response);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static String errorBody(int code, int subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
               + (subcode == 0 ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"Abc123\"}}";
    }

    private static ResponseDefinitionBuilder graphError(int status, int code, int subcode) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(errorBody(code, subcode, "boom " + code));
    }

    /** First answer {@code first}, then {@code okJson(SENT)} for every later call. */
    private static void stubOnceThenSuccess(Supplier<MappingBuilder> mapping, ResponseDefinitionBuilder first) {
        wireMock.stubFor(mapping.get().inScenario("once").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("recovered"));
        wireMock.stubFor(mapping.get().inScenario("once").whenScenarioStateIs("recovered").willReturn(okJson(SENT)));
    }

    @Test
    void postsJsonWithBearerTokenAndAppSecretProof() throws Exception {
        String proof = hmacSha256Hex(SECRET, TOKEN);
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson(SENT)));

        try (GraphClient client = client(fastOptions())) {
            GraphResponse response = await(client.send(sendText()));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.bodyAsString()).isEqualTo(SENT);
        }

        wireMock.verify(1, postRequestedFor(urlEqualTo("/v25.0/me/messages?appsecret_proof=" + proof))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Content-Length", equalTo(String.valueOf(TEXT_MESSAGE.length)))
                .withRequestBody(equalToJson(new String(TEXT_MESSAGE, StandardCharsets.UTF_8))));
        LoggedRequest received = wireMock.findAll(anyRequestedFor(anyUrl())).get(0);
        assertThat(received.getUrl()).doesNotContain(TOKEN).doesNotContain("access_token");
    }

    @Test
    void sendsNoProofWithoutAppSecret() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson(SENT)));

        try (GraphClient client = client(fastOptions())) {
            await(client.send(GraphRequest.postJson("me/messages", TEXT_MESSAGE, TOKEN, null, PAGE,
                    RateClass.STANDARD)));
        }

        wireMock.verify(1, postRequestedFor(urlEqualTo("/v25.0/me/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("appsecret_proof", absent()));
    }

    @Test
    void proofFollowsTheTokenOfEachCall() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson(SENT)));
        String otherToken = "EAAG-other-page-token";

        try (GraphClient client = client(fastOptions())) {
            await(client.send(sendText()));
            await(client.send(GraphRequest.postJson("me/messages", TEXT_MESSAGE, otherToken, SECRET, "other",
                    RateClass.STANDARD)));
            await(client.send(sendText()));
        }

        wireMock.verify(2, postRequestedFor(urlPathEqualTo("/v25.0/me/messages"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withQueryParam("appsecret_proof", equalTo(hmacSha256Hex(SECRET, TOKEN))));
        wireMock.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/me/messages"))
                .withHeader("Authorization", equalTo("Bearer " + otherToken))
                .withQueryParam("appsecret_proof", equalTo(hmacSha256Hex(SECRET, otherToken))));
    }

    @Test
    void getEncodesQueryAndAppendsProof() throws Exception {
        String proof = hmacSha256Hex(SECRET, TOKEN);
        wireMock.stubFor(get(urlPathEqualTo("/v25.0/42")).willReturn(okJson("{\"first_name\":\"Ann\"}")));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "first_name,last_name");
        query.put("q", "a b&c=d/é");

        try (GraphClient client = client(fastOptions())) {
            GraphResponse response = await(client.send(GraphRequest.get("/42", query, TOKEN, SECRET, PAGE)));
            assertThat(response.bodyAsString()).contains("Ann");
        }

        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/42"))
                .withQueryParam("fields", equalTo("first_name,last_name"))
                .withQueryParam("q", equalTo("a b&c=d/é"))
                .withQueryParam("appsecret_proof", equalTo(proof))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", absent()));
        String url = wireMock.findAll(anyRequestedFor(anyUrl())).get(0).getUrl();
        assertThat(url).startsWith("/v25.0/42?fields=first_name,last_name&q=").endsWith("&appsecret_proof=" + proof);
    }

    @Test
    void deleteIsSent() throws Exception {
        wireMock.stubFor(delete(urlPathEqualTo("/v25.0/me/messenger_profile")).willReturn(okJson("{\"result\":\"success\"}")));

        try (GraphClient client = client(fastOptions())) {
            await(client.send(GraphRequest.delete("me/messenger_profile", Map.of("fields", "greeting"), TOKEN, null,
                    PAGE)));
        }

        wireMock.verify(1, deleteRequestedFor(urlEqualTo("/v25.0/me/messenger_profile?fields=greeting")));
    }

    @Test
    void baseUriPathAndVersionArePrefixed() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo("/proxy/graph/v99.0/1234/thread_owner")).willReturn(okJson("{}")));

        try (GraphClient client = client(fastOptions().baseUri("http://localhost:" + wireMock.port() + "/proxy/graph/")
                .apiVersion("v99.0"))) {
            await(client.send(GraphRequest.postJson("1234/thread_owner", "{}".getBytes(StandardCharsets.UTF_8), TOKEN,
                    null, PAGE, RateClass.NONE)));
        }

        wireMock.verify(1, postRequestedFor(urlEqualTo("/proxy/graph/v99.0/1234/thread_owner")));
    }

    @Test
    void uploadsMultipartThatTheServerCanParse() throws Exception {
        byte[] png = new byte[2048];
        for (int i = 0; i < png.length; i++) {
            png[i] = (byte) (i * 31);
        }
        String message = "{\"attachment\":{\"type\":\"image\",\"payload\":{\"is_reusable\":true}}}";
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/me/message_attachments"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withMultipartRequestBody(aMultipart().withName("message").withBody(equalToJson(message)))
                .withMultipartRequestBody(aMultipart().withName("filedata")
                        .withHeader("Content-Type", equalTo("image/png"))
                        .withHeader("Content-Disposition", containing("filename=\"cat \u00e9.png\""))
                        .withBody(binaryEqualTo(png)))
                .willReturn(okJson("{\"attachment_id\":\"1857777774821032\"}")));
        Multipart multipart = Multipart.builder()
                .field("message", message)
                .file("filedata", "cat \u00e9.png", "image/png", png)
                .build();

        try (GraphClient client = client(fastOptions())) {
            GraphResponse response = await(client.send(GraphRequest.postMultipart("me/message_attachments", multipart,
                    TOKEN, SECRET, PAGE, RateClass.MEDIA)));
            assertThat(response.bodyAsString()).contains("1857777774821032");
        }
    }

    @Test
    void errorAnswerBecomesApiExceptionWithEveryField() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"(#551) This person isn't available right now.\",\"type\":\"OAuthException\","
                + "\"code\":551,\"error_subcode\":1545041,\"fbtrace_id\":\"G3GRmtpZiq6\"}}")));

        try (GraphClient client = client(fastOptions())) {
            Throwable failure = awaitFailure(client.send(sendText()));

            assertThat(failure).isInstanceOf(MessengerApiException.class);
            MessengerApiException e = (MessengerApiException) failure;
            assertThat(e.getHttpStatus()).isEqualTo(400);
            assertThat(e.getCode()).isEqualTo(551);
            assertThat(e.getSubcode()).isEqualTo(1545041);
            assertThat(e.getType()).isEqualTo("OAuthException");
            assertThat(e.getFbtraceId()).isEqualTo("G3GRmtpZiq6");
            assertThat(e.getErrorMessage()).isEqualTo("(#551) This person isn't available right now.");
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain(SECRET);
        }
    }

    @ParameterizedTest(name = "code {0}/{1} is not retried")
    @CsvSource({ "551, 0", "190, 460", "100, 0", "10, 2018278", "368, 0", "613, 2018338", "2018300, 0" })
    void permanentErrorsAreSentOnce(int code, int subcode) throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(graphError(400, code, subcode)));

        try (GraphClient client = client(fastOptions())) {
            Throwable failure = awaitFailure(client.send(sendText()));

            assertThat(failure).isInstanceOf(MessengerApiException.class);
            assertThat(((MessengerApiException) failure).getCode()).isEqualTo(code);
            assertThat(((MessengerApiException) failure).getSubcode()).isEqualTo(subcode);
        }
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void transientErrorIsRetriedUntilSuccess() throws Exception {
        stubOnceThenSuccess(() -> post(urlPathEqualTo("/v25.0/me/messages")), graphError(500, 1200, 0));

        try (GraphClient client = client(fastOptions())) {
            GraphResponse response = await(client.send(sendText()));
            assertThat(response.bodyAsString()).isEqualTo(SENT);
        }

        // the retry is the same call: same URL, headers and body
        wireMock.verify(2, postRequestedFor(urlEqualTo("/v25.0/me/messages?appsecret_proof="
                                                       + hmacSha256Hex(SECRET, TOKEN)))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(new String(TEXT_MESSAGE, StandardCharsets.UTF_8))));
    }

    @Test
    void persistentTransientErrorGivesUpAfterMaxRetries() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(graphError(500, 2, 0)));

        try (GraphClient client = client(fastOptions().maxRetries(3))) {
            Throwable failure = awaitFailure(client.send(sendText()));

            assertThat(failure).isInstanceOf(MessengerApiException.class);
            assertThat(((MessengerApiException) failure).getCode()).isEqualTo(2);
            assertThat(((MessengerApiException) failure).isRetryable()).isTrue();
        }
        wireMock.verify(1 + 3, anyRequestedFor(anyUrl()));
    }

    @Test
    void maxRetriesZeroMeansOneAttempt() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(graphError(500, 1200, 0)));

        try (GraphClient client = client(fastOptions().maxRetries(0))) {
            assertThat(awaitFailure(client.send(sendText()))).isInstanceOf(MessengerApiException.class);
        }
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "HTTP {0} without body")
    @CsvSource({ "500", "503" })
    void serverErrorWithoutBodyIsRetried(int status) throws Exception {
        stubOnceThenSuccess(() -> post(anyUrl()), aResponse().withStatus(status));

        try (GraphClient client = client(fastOptions())) {
            assertThat(await(client.send(sendText())).bodyAsString()).isEqualTo(SENT);
        }
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    /** A gateway's own 502/504 may hide a message the platform delivered (issue 10, point 1). */
    @ParameterizedTest(name = "HTTP {0} without body")
    @CsvSource({ "502", "504" })
    void aGatewaysBareAnswerToASendIsAmbiguousAndNotRetried(int status) throws Exception {
        stubOnceThenSuccess(() -> post(anyUrl()), aResponse().withStatus(status));

        try (GraphClient client = client(fastOptions())) {
            assertThat(awaitFailure(client.send(sendText()))).isInstanceOf(MessengerAmbiguousSendException.class);
        }
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void serverErrorWithoutBodyFailsWithStatusMessageAfterRetries() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody("<html>down</html>")));

        try (GraphClient client = client(fastOptions().maxRetries(2))) {
            Throwable failure = awaitFailure(client.send(sendText()));

            MessengerApiException e = (MessengerApiException) failure;
            assertThat(e.getHttpStatus()).isEqualTo(503);
            assertThat(e.getCode()).isZero();
            assertThat(e.getErrorMessage()).isEqualTo("HTTP 503 Service Unavailable");
            assertThat(e.isRetryable()).isTrue();
        }
        wireMock.verify(3, anyRequestedFor(anyUrl()));
    }

    @Test
    void clientErrorWithoutBodyIsNotRetried() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404)));

        try (GraphClient client = client(fastOptions())) {
            MessengerApiException e = (MessengerApiException) awaitFailure(client.send(sendText()));
            assertThat(e.getHttpStatus()).isEqualTo(404);
            assertThat(e.isRetryable()).isFalse();
        }
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void rateLimitErrorWaitsLongerThanTransientError() throws Exception {
        // two calls start together; the rate-limited one must wait at least half of rateLimitRetryDelay (1000 ms
        // here, equal jitter) while the transient one retries after at most retryDelay (10 ms)
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/limited")).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(graphError(400, 613, 0)).willSetStateTo("ok"));
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/limited")).inScenario("limited")
                .whenScenarioStateIs("ok").willReturn(okJson(SENT)));
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/transient")).inScenario("transient")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(graphError(500, 1200, 0)).willSetStateTo("ok"));
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/transient")).inScenario("transient")
                .whenScenarioStateIs("ok").willReturn(okJson(SENT)));
        List<String> completionOrder = new ArrayList<>();

        try (GraphClient client = client(fastOptions().rateLimitRetryDelayMillis(1000))) {
            long start = System.nanoTime();
            AtomicLong limitedDone = new AtomicLong();
            CompletableFuture<GraphResponse> limited = client.send(GraphRequest.postJson("limited", TEXT_MESSAGE,
                    TOKEN, SECRET, PAGE, RateClass.STANDARD)).whenComplete((r, e) -> {
                        limitedDone.set(System.nanoTime());
                        synchronized (completionOrder) {
                            completionOrder.add("limited");
                        }
                    });
            CompletableFuture<GraphResponse> transientFailure = client.send(GraphRequest.postJson("transient",
                    TEXT_MESSAGE, TOKEN, SECRET, PAGE, RateClass.STANDARD)).whenComplete((r, e) -> {
                        synchronized (completionOrder) {
                            completionOrder.add("transient");
                        }
                    });
            await(limited);
            await(transientFailure);

            assertThat(completionOrder).containsExactly("transient", "limited");
            // a timer never fires early: this lower bound holds on any machine
            assertThat(TimeUnit.NANOSECONDS.toMillis(limitedDone.get() - start)).isGreaterThanOrEqualTo(500);
        }
        wireMock.verify(2, postRequestedFor(urlPathEqualTo("/v25.0/limited")));
        wireMock.verify(2, postRequestedFor(urlPathEqualTo("/v25.0/transient")));
    }

    @Test
    void nonRetryableRateLimitIsSentOnce() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(graphError(400, 4, 2018354)));

        try (GraphClient client = client(fastOptions())) {
            MessengerApiException e = (MessengerApiException) awaitFailure(client.send(sendText()));
            assertThat(e.isRateLimited()).isTrue();
            assertThat(e.isRetryable()).isFalse();
        }
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void connectionRefusedFailsAfterRetriesWithoutLeakingSecrets() throws Exception {
        int port = freePort();
        GraphClientOptions.Builder options = fastOptions().baseUri("http://127.0.0.1:" + port).maxRetries(2);

        try (GraphClient client = client(options)) {
            Throwable failure = awaitFailure(client.send(sendText()));

            assertThat(failure).isExactlyInstanceOf(MessengerException.class);
            assertThat(failure.getMessage())
                    .contains("127.0.0.1:" + port)
                    .contains("failed after 3 attempts")
                    .containsIgnoringCase("refused")
                    .doesNotContain(TOKEN)
                    .doesNotContain(SECRET)
                    .doesNotContain(hmacSha256Hex(SECRET, TOKEN));
            assertThat(failure.getCause()).isNotNull();
        }
    }

    @Test
    void aTimedOutSendIsAmbiguousNotRetriedAndReportedWithoutProofOrToken() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(okJson(SENT).withFixedDelay(3000)));
        String proof = hmacSha256Hex(SECRET, TOKEN);

        try (GraphClient client = client(fastOptions().requestTimeoutMillis(200).maxRetries(1))) {
            Throwable failure = awaitFailure(client.send(sendText()));

            assertThat(failure).isExactlyInstanceOf(MessengerAmbiguousSendException.class);
            assertThat(failure.getMessage()).contains("localhost:" + wireMock.port())
                    .contains("failed after 1 attempt")
                    .contains("no answer within the request timeout of 200 ms")
                    .doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain(proof);
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(proof).doesNotContain(TOKEN);
            }
        }
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void slowAnswerWithinTimeoutOnALongIdleConnectionSucceeds() throws Exception {
        // the request timeout is the connection's idle timeout: a connection that sat idle in the pool for longer
        // must not be cut when it is reused, and an answer slower than half the timeout must still arrive
        wireMock.stubFor(post(anyUrl()).willReturn(okJson(SENT).withFixedDelay(300)));

        try (GraphClient client = client(fastOptions().requestTimeoutMillis(800).maxRetries(0))) {
            assertThat(await(client.send(sendText())).statusCode()).isEqualTo(200);
            Thread.sleep(1200);
            assertThat(await(client.send(sendText())).statusCode()).isEqualTo(200);
        }
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void completesOnAnEventLoopThread() throws Exception {
        // the delay makes sure the callback is registered before completion (else it would run on this thread)
        wireMock.stubFor(post(anyUrl()).willReturn(okJson(SENT).withFixedDelay(300)));
        AtomicBoolean onEventLoop = new AtomicBoolean();

        try (GraphClient client = client(fastOptions())) {
            await(client.send(sendText()).whenComplete((r, e) -> onEventLoop.set(Context.isOnEventLoopThread())));
        }
        assertThat(onEventLoop).isTrue();
    }

    @Test
    void manyConcurrentCallsAllComplete() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(okJson(SENT)));
        List<CompletableFuture<GraphResponse>> futures = new ArrayList<>();

        try (GraphClient client = client(fastOptions().maxConnections(8))) {
            for (int i = 0; i < 200; i++) {
                futures.add(client.send(sendText()));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }
        assertThat(futures).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        wireMock.verify(200, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCallPastItsCallTimeoutFailsWithinATickAndFinishedCallsLeaveNoDeadlineBehind() throws Exception {
        wireMock.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson(SENT)));

        try (GraphClient client = client(fastOptions().callTimeoutMillis(1000).maxRetries(0))) {
            for (int i = 0; i < 20; i++) {
                assertThat(await(client.send(sendText())).statusCode()).isEqualTo(200);
            }
            assertThat(client.deadlines.pending()).as("deadlines of finished calls").isZero();

            wireMock.stubFor(post(anyUrl()).willReturn(okJson(SENT).withFixedDelay(4000)));
            long start = System.nanoTime();
            Throwable failure = awaitFailure(client.send(sendText()));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(failure).isInstanceOf(MessengerAmbiguousSendException.class)
                    .hasMessageContaining("call timeout of 1000 ms");
            // the deadline is checked every 50 ms (a twentieth of the timeout)
            assertThat(tookMillis).isBetween(1000L, 2500L);
            assertThat(client.deadlines.pending()).isZero();
        }
    }

    @Test
    void eachAttemptTakesAPermitOfThePage() throws Exception {
        stubOnceThenSuccess(() -> post(anyUrl()), graphError(500, 1200, 0));
        ManualScheduler scheduler = new ManualScheduler();
        PageRateLimiter limiter = new PageRateLimiter(10, 10, scheduler::now, scheduler);

        try (GraphClient client = new GraphClient(vertx, fastOptions().retryDelayMillis(1).build(), limiter)) {
            CompletableFuture<GraphResponse> future = client.send(sendText());

            // the first attempt had the Page's free slot; the retry must wait for the next one (100 ms later on the
            // limiter's clock, which only this test moves)
            org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> scheduler.pending() == 1);
            assertThat(future).isNotDone();
            wireMock.verify(1, anyRequestedFor(anyUrl()));

            scheduler.advanceMillis(100);
            assertThat(await(future).bodyAsString()).isEqualTo(SENT);
        }
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void noneRateClassBypassesTheLimiter() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(okJson("{}")));
        ManualScheduler scheduler = new ManualScheduler();
        PageRateLimiter limiter = new PageRateLimiter(1, 1, scheduler::now, scheduler);

        try (GraphClient client = new GraphClient(vertx, fastOptions().build(), limiter)) {
            for (int i = 0; i < 5; i++) {
                await(client.send(GraphRequest.postJson("1234/pass_thread_control", "{}".getBytes(StandardCharsets.UTF_8),
                        TOKEN, null, PAGE, RateClass.NONE)));
            }
        }
        assertThat(scheduler.pending()).isZero();
        wireMock.verify(5, anyRequestedFor(anyUrl()));
    }

    @Test
    void closeFailsCallsWaitingForRetryAndLaterCalls() throws Exception {
        wireMock.stubFor(post(anyUrl()).willReturn(graphError(400, 613, 0)));
        GraphClient client = client(fastOptions().rateLimitRetryDelayMillis(30_000).maxRetryDelayMillis(60_000));
        CompletableFuture<GraphResponse> waiting = client.send(sendText());
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS)
                .until(() -> wireMock.findAll(anyRequestedFor(anyUrl())).size() == 1 && !client.waitingForRetry.isEmpty());

        client.close();

        Throwable failure = awaitFailure(waiting);
        assertThat(failure).isExactlyInstanceOf(MessengerException.class).hasMessageContaining("closed");
        Throwable later = awaitFailure(client.send(sendText()));
        assertThat(later).isExactlyInstanceOf(MessengerException.class).hasMessageContaining("closed");
        wireMock.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void nullRequestFailsTheFutureInsteadOfThrowing() throws Exception {
        try (GraphClient client = client(fastOptions())) {
            assertThat(awaitFailure(client.send(null))).isInstanceOf(MessengerException.class);
        }
    }

    @Test
    void httpsUsesTheDefaultTrustStore() throws Exception {
        // WireMock's self-signed certificate is in no default trust store: the handshake must be refused
        WireMockServer tls = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        tls.start();
        try (GraphClient client = client(fastOptions().baseUri("https://localhost:" + tls.httpsPort()).maxRetries(0))) {
            tls.stubFor(any(anyUrl()).willReturn(okJson(SENT)));
            Throwable failure = awaitFailure(client.send(sendText()));
            assertThat(failure).isExactlyInstanceOf(MessengerException.class);
            assertThat(failure.getMessage()).contains("localhost:" + tls.httpsPort()).contains("SSL")
                    .doesNotContain(TOKEN);
            tls.verify(0, anyRequestedFor(anyUrl()));
        } finally {
            tls.stop();
        }
    }

    @Test
    void httpsCallSucceedsWhenTheCertificateIsTrusted() throws Exception {
        WireMockServer tls = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        tls.start();
        GraphClientOptions options = fastOptions().baseUri("https://localhost:" + tls.httpsPort()).build();
        try (GraphClient client = new GraphClient(vertx, options, null,
                http -> http.setTrustAll(true).setVerifyHost(false))) {
            tls.stubFor(post(urlPathEqualTo("/v25.0/me/messages")).willReturn(okJson(SENT)));
            assertThat(await(client.send(sendText())).bodyAsString()).isEqualTo(SENT);
            tls.verify(1, postRequestedFor(urlPathEqualTo("/v25.0/me/messages"))
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        } finally {
            tls.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
