package io.github.camelmessenger.springboot;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A bot configured by properties alone: it echoes what users write. */
@SpringBootApplication
public class WebhookBotApplication {

    @Bean
    RouteBuilder echoBot() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook").routeId("echo-bot")
                        .filter(header(MessengerConstants.EVENT_TYPE).isEqualTo("message"))
                        .setBody(simple("You said: ${header." + MessengerConstants.TEXT + "}"))
                        .to("messenger:sendMessage");
            }
        };
    }
}
