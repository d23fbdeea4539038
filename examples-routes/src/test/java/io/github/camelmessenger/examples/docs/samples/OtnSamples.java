package io.github.camelmessenger.examples.docs.samples;

import org.apache.camel.builder.RouteBuilder;

/** docs/otn.md's four flows. */
public class OtnSamples extends RouteBuilder {

    @Override
    public void configure() {
        // tag::four-flows[]
        // 1. Request (inside the 24-hour window) ...
        from("direct:askForOffers")
            .to("messenger:sendOneTimeNotificationRequest?title=Tell me about offers&payload=offers");

        // ... and store the token when the user taps "Notify Me"
        from("messenger:webhook?appSecret={{messenger.appSecret}}&verifyToken={{messenger.verifyToken}}")
            .choice()
                .when(header("CamelMessengerEventType").isEqualTo("one_time_notif_optin"))
                    .to("messenger-otn:store?topic=offers")
                    .setBody(constant("Thanks! We'll let you know."))
                    .to("messenger:sendMessage")              // goes to the user, not to the token
                .when(header("CamelMessengerQuickReplyPayload").contains("@"))   // the user_email quick reply
                    .setBody(header("CamelMessengerQuickReplyPayload"))
                    .to("messenger-otn:setAttribute?name=email")
                .otherwise()
                    .to("messenger-otn:recordInbound")       // the user is back (the webhook consumer records it too)
                    // 3. re-request (in a real bot: once per conversation, not on every message)
                    .to("messenger:sendOneTimeNotificationRequest?title=Tell me about offers&payload=offers");

        // 4. Fallback first: the contacts WITHOUT a token get an e-mail (or SMS) ...
        from("messenger-otn:withoutToken?topic=offers&scheduler=quartz&scheduler.cron=0+0+9+*+*+?")
            .filter(simple("${header.CamelMessengerOtnAttributes[email]} != null"))
            .setHeader("To", simple("${header.CamelMessengerOtnAttributes[email]}"))
            .setBody(constant("This week's offers: https://m.me/yourpage"))
            .to("smtp://smtp.example.org?from=offers@example.org");

        // 2. ... then the Messenger broadcast to the token holders, one message each
        from("messenger-otn:broadcast?topic=offers&scheduler=quartz&scheduler.cron=0+5+9+*+*+?")
            .setBody(constant("This week's offers are out!"))
            .setHeader("CamelMessengerQuickReplies", constant("Show me=SHOW\nNot now=LATER"))
            .to("messenger:sendMessage");
        // end::four-flows[]
    }
}
