package io.github.camelmessenger.examples;

import org.apache.camel.builder.RouteBuilder;

/** Java DSL: every so often, show the demo user a product card with buttons. */
public class ExampleBotRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:offers?delay=3000&period={{example.card-period}}").routeId("offer-card")
                .setHeader("CamelMessengerRecipientId", constant("{{example.demo-psid}}"))
                .setHeader("CamelMessengerSubtitle", constant("Warm, and in stock"))
                .setBody(constant("Winter hat"))
                .to("messenger:sendGenericTemplate?imageUrl=https://example.com/hat.jpg"
                    + "&buttons=Buy=https://example.com/buy,Tell me more=MORE_HATS")
                .log("card sent, message id ${header.CamelMessengerMessageId}");
    }
}
