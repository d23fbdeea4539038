package io.github.camelmessenger.internal;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.CamelContextHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretOptionsTest {

    @Test
    void theListIsEverySecretOptionOfTheCatalog() throws Exception {
        Set<String> secret = new HashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelmessenger/messenger.json")) {
            JsonNode json = new ObjectMapper().readTree(in);
            for (String section : new String[] { "componentProperties", "properties" }) {
                json.path(section).fields().forEachRemaining(e -> {
                    if (e.getValue().path("secret").asBoolean()) {
                        secret.add(e.getKey());
                    }
                });
            }
        }
        assertThat(secret).isNotEmpty();
        assertThat(Set.copyOf(SecretOptions.NAMES)).isEqualTo(secret);
    }

    @Test
    void camelMasksTheSecretOptionsOnceTheComponentIsThere() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.messenger.appSecret")).isFalse();
            context.addComponent("messenger", new MessengerComponent());
            for (String key : new String[] {
                    "camel.component.messenger.appSecret", "camel.component.messenger.app-secret",
                    "camel.component.messenger.pageAccessToken", "camel.component.messenger.verify-token" }) {
                assertThat(CamelContextHelper.containsSensitive(context, key)).as(key).isTrue();
            }
            // not everything
            assertThat(CamelContextHelper.containsSensitive(context, "camel.component.messenger.baseUri")).isFalse();
        }
    }
}
