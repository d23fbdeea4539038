package io.github.camelmessenger.examples.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * Flow 2 (Java DSL; the same as {@code camel/otn-broadcast.yaml}): the offers occasion on Quartz crons. The fallback
 * e-mails (camel-mail) and texts (camel-http to an SMS gateway) every contact without a token, with a link back to
 * the bot; the broadcast sends every token holder ONE message with the token. A tap on the broadcast's quick replies
 * brings the user back, and the bot asks for a new token.
 */
public class OtnBroadcastRoutes extends RouteBuilder {

    static final String LINK = "https://m.me/{{example.page-username}}?ref=offers";

    @Override
    public void configure() {
        from("messenger-otn:withoutToken?topic=offers&scheduler=quartz&scheduler.cron={{example.offers.fallback-cron}}")
                .routeId("offers-fallback")
                .multicast().parallelProcessing()
                    .to("direct:offers-mail", "direct:offers-sms")
                .end();

        from("direct:offers-mail").routeId("offers-mail")
                .filter(simple("${header.CamelMessengerOtnAttributes[email]} != null"))
                    .setHeader("To", simple("${header.CamelMessengerOtnAttributes[email]}"))
                    .setHeader("From", constant("{{example.mail.from}}"))
                    .setHeader("Subject", constant("This week's offers"))
                    .setBody(constant("Hello! This week's offers are out. Chat with us on Messenger to see them: "
                                      + LINK))
                    .to("{{example.mail.endpoint}}")
                    .log("offers e-mailed to contact ${header.CamelMessengerRecipientId}")
                .end();

        from("direct:offers-sms").routeId("offers-sms")
                .filter(simple("${header.CamelMessengerOtnAttributes[phone]} != null"))
                    // the number was checked (E.164) before it was stored, so it is safe inside the JSON text
                    .setBody(simple("{\"to\":\"${header.CamelMessengerOtnAttributes[phone]}\","
                                    + "\"text\":\"This week's offers are out: " + LINK + "\"}"))
                    .removeHeaders("*", "CamelMessengerRecipientId")
                    .setHeader("Content-Type", constant("application/json"))
                    .setHeader("CamelHttpMethod", constant("POST"))
                    .to("{{example.sms.gateway-url}}")
                    .log("offers texted to contact ${header.CamelMessengerRecipientId}")
                .end();

        from("messenger-otn:broadcast?topic=offers&scheduler=quartz&scheduler.cron={{example.offers.broadcast-cron}}")
                .routeId("offers-broadcast")
                // the exchange carries the holder's token: messenger:sendMessage addresses the message to it
                .setBody(constant("This week's offers are out! Want to see them?"))
                .to("messenger:sendMessage?quickReplies=Show me=OFFERS_SHOW,Not now=OFFERS_LATER");

        from("direct:offers-show").routeId("offers-show")
                .to("direct:carousel")
                .to("direct:otn-request");

        from("direct:offers-later").routeId("offers-later")
                .setBody(constant("No problem. Shall we tell you about the next ones?"))
                .to("messenger:sendMessage")
                .to("direct:otn-request");
    }
}
