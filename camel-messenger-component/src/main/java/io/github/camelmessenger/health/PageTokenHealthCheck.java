package io.github.camelmessenger.health;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerApiException;
import io.github.camelmessenger.internal.graph.GraphClient;
import io.github.camelmessenger.internal.graph.GraphRequest;
import io.github.camelmessenger.internal.graph.GraphResponse;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of a {@code messenger:} producer: the Graph API accepts its Page token ({@code GET me?fields=id,name}).
 * The answer is kept for {@code healthCheckCacheTime}, so probes do not become Graph API traffic; liveness does not
 * depend on it (a Graph API outage must not get the application restarted).
 */
public final class PageTokenHealthCheck extends MessengerHealthCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphClient client;
    private final String token;
    private final String appSecret;
    private final long cacheMillis;
    private final long timeoutMillis;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(HealthCheck.State state, Map<String, Object> details, String message, long until) {
    }

    public PageTokenHealthCheck(String id, GraphClient client, String token, String appSecret, long cacheMillis,
                                long timeoutMillis, Clock clock) {
        super(id, false);
        this.client = client;
        this.token = token;
        this.appSecret = appSecret;
        this.cacheMillis = cacheMillis;
        this.timeoutMillis = timeoutMillis;
        this.clock = clock;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        Cached c = cached;
        long now = clock.millis();
        if (c == null || now >= c.until()) {
            c = ask(now);
            cached = c;
        }
        builder.state(c.state()).details(c.details()).message(c.message());
    }

    private Cached ask(long now) {
        long until = now + cacheMillis;
        if (token == null || token.isBlank()) {
            return new Cached(HealthCheck.State.DOWN, Map.of(), "no Page access token configured", until);
        }
        try {
            GraphResponse answer = client.send(GraphRequest.get("me", Map.of("fields", "id,name"), token, appSecret,
                    "me")).get(timeoutMillis, TimeUnit.MILLISECONDS);
            JsonNode page = JSON.readTree(answer.body());
            return new Cached(HealthCheck.State.UP, Map.of("page.id", page.path("id").asText(""),
                    "page.name", page.path("name").asText("")), null, until);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MessengerApiException api) {
                return new Cached(HealthCheck.State.DOWN, Map.of("graph.code", api.getCode(),
                        "graph.subcode", api.getSubcode()), "the Graph API refused the Page token: "
                                                            + api.getErrorMessage(), until);
            }
            return new Cached(HealthCheck.State.DOWN, Map.of(), "the Graph API could not be asked: "
                                                                + cause.getMessage(), until);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Cached(HealthCheck.State.DOWN, Map.of(), "no answer from the Graph API within "
                                                                + timeoutMillis + " ms", until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Cached(HealthCheck.State.UNKNOWN, Map.of(), "interrupted", now);
        } catch (java.io.IOException e) {
            return new Cached(HealthCheck.State.DOWN, Map.of(), "unreadable Graph API answer", until);
        }
    }
}
