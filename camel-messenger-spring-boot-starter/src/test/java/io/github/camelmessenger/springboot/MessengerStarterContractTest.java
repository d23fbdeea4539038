package io.github.camelmessenger.springboot;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.state.ConversationStateRepository;
import io.github.camelmessenger.webhook.inbox.WebhookInbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The messenger starter against the messenger component's catalog JSON. */
class MessengerStarterContractTest {

    private final StarterContract contract = StarterContract.of("META-INF/io/github/camelmessenger/messenger.json");

    @Test
    void metadataCarriesEveryComponentOption() {
        contract.assertMetadataMatchesCatalog(MessengerComponentConfiguration.class);
    }

    @Test
    void everyComponentOptionBoundFromPropertiesReachesTheComponent() throws Exception {
        contract.assertEveryOptionBinds(MessengerComponentConfiguration.class, new MessengerComponentConverter(),
                new MessengerComponent());
    }

    @Test
    void theJdbcStoresGoToOptionsTheComponentStillHas() {
        // MessengerJdbcAutoConfiguration hands its stores to these two options
        assertThat(contract.options().get("stateRepository").get("javaType").asText())
                .isEqualTo(ConversationStateRepository.class.getName());
        assertThat(contract.options().get("inbox").get("javaType").asText()).isEqualTo(WebhookInbox.class.getName());
    }
}
