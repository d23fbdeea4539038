package io.github.camelmessenger.examples;

import java.util.Map;

import io.github.camelmessenger.otn.store.TokenStatus;
import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same app on PostgreSQL, by configuration only (EXAMPLE_DB_URL/USER): its tables are created there, and the flows
 * that keep data (token, contact, file, products) work on it.
 */
class PostgresFlowsTest extends FlowTestSupport {

    private PostgresSchema schema;

    @BeforeEach
    void createSchema() {
        schema = PostgresSchema.createOrSkip();
    }

    @AfterEach
    void dropSchema() throws Exception {
        stopApp();
        schema.close();
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void keepsTokensContactsFilesAndProductsInPostgres(Dsl dsl) {
        start(dsl, Map.of("example.db.url", schema.url(), "example.db.user", "postgres", "example.db.password", ""));
        assertThat(app.query("SELECT current_schema() AS s").get(0).get("s")).isEqualTo(schema.url()
                .substring(schema.url().indexOf('=') + 1));

        TestUser alice = greeted("alice");
        alice.tapsQuickReply("Offers");
        alice.receives().isOneTimeNotificationRequest("Tell me about the next offers");
        alice.tapsNotifyMe();
        alice.receives().hasText("Thanks! We will message you once when the next offers are out.");
        assertThat(app.otnStore().countTokens("offers", TokenStatus.VALID)).isEqualTo(1);

        ContactFlowTest.collectsBoth(app, alice);
        FileCollectionFlowTest.collectsAFile(app, alice);
        ProductCarouselFlowTest.showsCarousel(app, alice);
    }
}
