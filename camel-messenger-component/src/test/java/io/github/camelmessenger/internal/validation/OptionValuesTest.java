package io.github.camelmessenger.internal.validation;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.MessengerComponent;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9: fixed-value options show their values in the catalog, and a wrong value fails when the endpoint is
 * created, naming the option, the value and the allowed values; the accepted spellings stay accepted.
 */
class OptionValuesTest {

    @Test
    void theCatalogListsTheSameValuesTheEndpointAccepts() throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelmessenger/messenger.json")) {
            properties = new ObjectMapper().readTree(in).path("properties");
        }
        for (Map.Entry<String, List<String>> option : OptionValues.allowed().entrySet()) {
            List<String> catalog = new ArrayList<>();
            properties.path(option.getKey()).path("enum").forEach(v -> catalog.add(v.asText()));
            assertThat(catalog).as(option.getKey()).isEqualTo(option.getValue());
        }
    }

    @Test
    void aWrongValueFailsAtEndpointCreationListingTheAllowedOnes() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent("messenger", new MessengerComponent());
            Map<String, String> wrong = Map.of("messagingType", "RESPONS", "tag", "HUMAN", "notificationType", "LOUD",
                    "attachmentType", "pdf", "senderAction", "typing", "imageAspectRatio", "wide", "mediaType", "gif",
                    "threadControl", "keep", "windowPolicy", "warn");
            for (Map.Entry<String, String> e : wrong.entrySet()) {
                String uri = "messenger:sendMessage?" + e.getKey() + "=" + e.getValue();
                assertThatThrownBy(() -> context.getEndpoint(uri), uri)
                        .isInstanceOf(ResolveEndpointFailedException.class)
                        .hasStackTraceContaining("Option " + e.getKey() + " is '" + e.getValue() + "'; allowed: "
                                                 + String.join(", ", OptionValues.allowed().get(e.getKey())));
            }
        }
    }

    @Test
    void theSpellingsAcceptedBeforeStillAre() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent("messenger", new MessengerComponent());
            for (String uri : List.of("messenger:sendMessage?messagingType=update", "messenger:sendMessage?tag=human_agent",
                    "messenger:sendMessage?windowPolicy=IGNORE", "messenger:sendSenderAction?senderAction=TYPING_ON",
                    "messenger:sendMessage?tag=ACCOUNT_UPDATE")) {
                assertThat(context.getEndpoint(uri)).as(uri).isNotNull();
            }
        }
    }
}
