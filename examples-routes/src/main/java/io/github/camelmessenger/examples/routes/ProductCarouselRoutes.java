package io.github.camelmessenger.examples.routes;

import io.github.camelmessenger.examples.ProductCards;
import org.apache.camel.builder.RouteBuilder;

/**
 * Flow 6 (Java DSL; the same as {@code camel/carousel.yaml}): a carousel of product cards built from database rows
 * ({@link ProductCards} turns camel-sql's rows into the typed {@code GenericTemplate}), the cards' "Tell me more"
 * postbacks, and the product images.
 */
public class ProductCarouselRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:carousel").routeId("carousel")
                .to("sql:SELECT id AS \"id\", title AS \"title\", subtitle AS \"subtitle\", image_path AS \"imagePath\", "
                    + "buy_url AS \"buyUrl\" FROM example_product ORDER BY id FETCH FIRST 10 ROWS ONLY")
                .bean("productCards", "cards")
                .to("messenger:sendGenericTemplate?quickReplies=Offers=OFFERS,Share contact=CONTACT,Send a file=FILE,"
                    + "Talk to a human=AGENT");

        from("direct:product-detail").routeId("product-detail")
                .setHeader("ExampleProductId", simple("${header." + BotRoutes.COMMAND + ".substring(8)}", Integer.class))
                .to("sql:SELECT title AS \"title\", description AS \"description\" FROM example_product "
                    + "WHERE id = :#${header.ExampleProductId}?outputType=SelectOne")
                .choice()
                    .when(body().isNotNull()).setBody(simple("${body[title]}: ${body[description]}"))
                    .otherwise().setBody(constant("Sorry, that product is gone."))
                .end()
                .to("direct:menu-with-text");

        // the images the cards show, served by the app (the platform fetches them from example.public-url)
        from("platform-http:/example/images/{name}?httpMethodRestrict=GET").routeId("product-images")
                .bean("productCards", "image(${header.name})")
                .removeHeaders("*")
                .choice()
                    .when(body().isNotNull()).setHeader("Content-Type", constant("image/svg+xml"))
                    .otherwise().setHeader("CamelHttpResponseCode", constant(404))
                .end();
    }
}
