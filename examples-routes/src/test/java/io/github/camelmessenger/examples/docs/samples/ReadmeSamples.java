package io.github.camelmessenger.examples.docs.samples;

import org.apache.camel.builder.RouteBuilder;

/** README.md's Java DSL route. */
public class ReadmeSamples extends RouteBuilder {

    @Override
    public void configure() {
        // tag::button-template[]
        from("direct:next-steps")
            .setHeader("CamelMessengerRecipientId", simple("${header.psid}"))
            .setBody(constant("What do you want to do next?"))
            .to("messenger:sendButtonTemplate?pageAccessToken=RAW({{messenger.token}})"
                + "&buttons=Visit Messenger=https://www.messenger.com,Call us=phone_number:+16505551234,Start=START");
        // end::button-template[]
    }
}
