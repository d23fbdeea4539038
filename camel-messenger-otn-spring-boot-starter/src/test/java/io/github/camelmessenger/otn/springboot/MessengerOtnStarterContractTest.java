package io.github.camelmessenger.otn.springboot;

import io.github.camelmessenger.otn.MessengerOtnComponent;
import io.github.camelmessenger.springboot.StarterContract;
import org.junit.jupiter.api.Test;

/** The messenger-otn starter against the messenger-otn component's catalog JSON. */
class MessengerOtnStarterContractTest {

    private final StarterContract contract =
            StarterContract.of("META-INF/io/github/camelmessenger/otn/messenger-otn.json");

    @Test
    void metadataCarriesEveryComponentOption() {
        contract.assertMetadataMatchesCatalog(MessengerOtnComponentConfiguration.class);
    }

    @Test
    void everyComponentOptionBoundFromPropertiesReachesTheComponent() throws Exception {
        contract.assertEveryOptionBinds(MessengerOtnComponentConfiguration.class, new MessengerOtnComponentConverter(),
                new MessengerOtnComponent());
    }
}
