package io.github.camelmessenger.examples.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * Flow 1 (Java DSL; the same as {@code camel/otn-request.yaml}): request a one-time notification and store the token
 * per topic. The token buys ONE message later; {@code messenger-otn:store} keeps it under its topic (the request's
 * payload, {@code offers}) for the broadcast of flow 2.
 */
public class OtnRequestRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:otn-request").routeId("otn-request")
                // the body is the request's title (the webhook's event body must not be sent)
                .setBody(constant("Tell me about the next offers"))
                .to("messenger:sendOneTimeNotificationRequest?payload=offers");

        from("direct:otn-store").routeId("otn-store")
                // store FIRST: it removes CamelMessengerOneTimeNotifToken. A send with that header still on the
                // exchange would go to the token and spend it on the thanks instead of on the offer.
                .to("messenger-otn:store")
                .log("one-time notification token stored for ${header.CamelMessengerSenderId}, "
                     + "topic ${header.CamelMessengerOtnTopic}")
                .setBody(constant("Thanks! We will message you once when the next offers are out."))
                .to("direct:menu-with-text");
    }
}
