package io.github.camelmessenger.examples.docs.samples;

import org.apache.camel.builder.RouteBuilder;

/** docs/guides/24-hour-window.md. */
public class WindowSamples extends RouteBuilder {

    @Override
    public void configure() {
        // tag::window[]
        // inside the window: a plain answer (windowPolicy=reject, the default, refuses it after 24 hours)
        from("direct:answer")
            .to("messenger:sendMessage");

        // a person of the team answers within 7 days of the user's last message
        from("direct:agent-answer")
            .to("messenger:sendMessage?messagingType=MESSAGE_TAG&tag=HUMAN_AGENT");
        // end::window[]
    }
}
