package io.github.camelmessenger.examples.docs.samples;

import org.apache.camel.builder.RouteBuilder;

/** docs/getting-started.md: the first bot, in Java DSL. */
public class FirstBotRoutes extends RouteBuilder {

    // tag::first-bot[]
    @Override
    public void configure() {
        from("messenger:webhook")
            .filter(header("CamelMessengerEventType").in("message", "quick_reply"))
                .choice()
                    .when(header("CamelMessengerQuickReplyPayload").isEqualTo("HELP"))
                        .setBody(constant("I repeat what you write. Try it!"))
                    .otherwise()
                        .setBody(simple("You said: ${header.CamelMessengerText}"))
                .end()
                .to("messenger:sendMessage?quickReplies=Help=HELP");
    }
    // end::first-bot[]
}
