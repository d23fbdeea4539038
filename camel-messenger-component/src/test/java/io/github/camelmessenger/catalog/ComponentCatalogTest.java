package io.github.camelmessenger.catalog;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerOperation;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.EndpointUriFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated catalog entry describes every operation, option and header, and marks the secrets. */
class ComponentCatalogTest {

    private static JsonNode catalog() throws Exception {
        try (InputStream in = ComponentCatalogTest.class
                .getResourceAsStream("/META-INF/io/github/camelmessenger/messenger.json")) {
            assertThat(in).as("generated component JSON on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyOperationIsListedAndDescribed() throws Exception {
        JsonNode operation = catalog().path("properties").path("operation");
        assertThat(operation.path("description").asText()).isNotBlank();
        List<String> listed = new ArrayList<>();
        operation.path("enum").forEach(n -> listed.add(n.asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(MessengerOperation.values()).map(Enum::name).toList());
    }

    @Test
    void everyHeaderConstantIsDescribed() throws Exception {
        JsonNode headers = catalog().path("headers");
        for (var field : MessengerConstants.class.getFields()) {
            if (!field.isAnnotationPresent(org.apache.camel.spi.Metadata.class)) {
                continue;
            }
            String name = (String) field.get(null);
            assertThat(headers.has(name)).as("header %s in the catalog", name).isTrue();
            assertThat(headers.path(name).path("description").asText()).as("description of %s", name).isNotBlank();
        }
        assertThat(headers.size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void everyOptionIsDescribedAndCredentialsAreSecret() throws Exception {
        JsonNode catalog = catalog();
        for (String section : List.of("componentProperties", "properties")) {
            catalog.path(section).fields().forEachRemaining(option -> assertThat(
                    option.getValue().path("description").asText()).as("%s %s", section, option.getKey()).isNotBlank());
        }
        for (String secret : List.of("pageAccessToken", "appSecret", "pageAccessTokens", "verifyToken")) {
            assertThat(catalog.path("properties").path(secret).path("secret").asBoolean()).as(secret).isTrue();
            assertThat(catalog.path("componentProperties").path(secret).path("secret").asBoolean()).as(secret).isTrue();
        }
    }

    @Test
    void generatedUriFactoryMasksSecrets() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("messenger");
            assertThat(factory).as("generated EndpointUriFactory").isNotNull();
            assertThat(factory.secretPropertyNames()).contains("pageAccessToken", "appSecret", "verifyToken");
            assertThat(factory.propertyNames()).contains("operation", "quickReplies", "buttons", "maxRetries");
        }
    }
}
