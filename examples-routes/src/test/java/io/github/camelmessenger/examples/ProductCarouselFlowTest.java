package io.github.camelmessenger.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.camelmessenger.sandbox.junit.BotMessage;
import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow 6: a carousel of product cards built from database rows, its postbacks, and the images it shows. */
class ProductCarouselFlowTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void showsTheProductsOfTheTable(Dsl dsl) throws Exception {
        start(dsl);
        TestUser alice = greeted("alice");
        showsCarousel(app, alice);

        HttpResponse<String> image = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.port() + "/example/images/hat.svg")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(image.body()).startsWith("<svg");

        // the cards are the table's rows: a new product is in the next carousel
        new JdbcTemplate(app.dataSource()).update("INSERT INTO example_product (id, title, subtitle) "
                                                  + "VALUES (4, 'Boots', 'Dry feet')");
        alice.tapsQuickReply("Products");
        alice.receives().isGenericTemplate().hasElements("Winter hat", "Scarf", "Mittens", "Boots").wasAccepted();
    }

    static void showsCarousel(ExampleApp app, TestUser alice) {
        alice.tapsQuickReply("Products");
        BotMessage carousel = alice.receives().isGenericTemplate().hasElements("Winter hat", "Scarf", "Mittens")
                .hasButtons("Tell me more", "Buy", "Tell me more", "Buy", "Tell me more", "Buy")
                .hasQuickReplies("Offers", "Share contact", "Send a file", "Talk to a human").wasAccepted()
                .actual();
        assertThat(carousel.payload().path("elements").path(0).path("image_url").asText())
                .isEqualTo("http://localhost:" + app.port() + "/example/images/hat.svg");
        assertThat(carousel.payload().path("elements").path(1).path("buttons").path(0).path("payload").asText())
                .isEqualTo("PRODUCT_2");

        alice.tapsButtonWithPayload("PRODUCT_2");
        alice.receives().hasText("Scarf: Alpaca blend, in five colours.").hasQuickReplies(MENU);
    }
}
