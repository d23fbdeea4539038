package io.github.camelmessenger.internal.graph;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphRequestTest {

    private static final String TOKEN = "EAAGtokenvalue123";
    private static final String SECRET = "appsecretvalue456";

    @Test
    void postJsonFactory() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        GraphRequest r = GraphRequest.postJson("me/messages", json, TOKEN, SECRET, "page", RateClass.STANDARD);

        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("me/messages");
        assertThat(r.query()).isEmpty();
        assertThat(r.body()).isSameAs(json);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.accessToken()).isEqualTo(TOKEN);
        assertThat(r.appSecret()).isEqualTo(SECRET);
        assertThat(r.pageKey()).isEqualTo("page");
        assertThat(r.rateClass()).isEqualTo(RateClass.STANDARD);
    }

    @Test
    void getFactoryIsNeverPacedAndCopiesTheQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "first_name");
        GraphRequest r = GraphRequest.get("/42", query, TOKEN, null, "page");
        query.put("later", "x");

        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("42");
        assertThat(r.query()).containsExactly(Map.entry("fields", "first_name"));
        assertThat(r.body()).isNull();
        assertThat(r.rateClass()).isEqualTo(RateClass.NONE);
        assertThatThrownBy(() -> r.query().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullRateClassMeansNotPaced() {
        GraphRequest r = new GraphRequest("POST", "me/messages", null, null, null, TOKEN, null, null, null);
        assertThat(r.rateClass()).isEqualTo(RateClass.NONE);
        assertThat(r.query()).isEmpty();
    }

    @Test
    void nullQueryValuesAreRefused() {
        Map<String, String> query = new HashMap<>();
        query.put("fields", null);
        assertThatThrownBy(() -> GraphRequest.get("42", query, TOKEN, null, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("fields");
    }

    @Test
    void toStringHidesTokenSecretAndCredentialParameters() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "name");
        query.put("access_token", "querytoken789");
        query.put("appsecret_proof", "proof000");
        GraphRequest get = GraphRequest.get("42", query, TOKEN, SECRET, "page");
        GraphRequest post = GraphRequest.postJson("me/messages", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), TOKEN,
                SECRET, "page", RateClass.MEDIA);

        for (GraphRequest r : new GraphRequest[] { get, post }) {
            assertThat(r.toString()).doesNotContain(TOKEN).doesNotContain(SECRET).doesNotContain("querytoken789")
                    .doesNotContain("proof000").contains("accessToken=***", "appSecret=***");
        }
        assertThat(get.toString()).contains("GET 42", "fields=name", "access_token=***");
        assertThat(post.toString()).contains("POST me/messages", "7 bytes", "MEDIA");
    }
}
