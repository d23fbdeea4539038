package io.github.camelmessenger.otn.springboot;

import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A bot that keeps One-Time Notification tokens, echoes messages and fails on "boom". */
@SpringBootApplication
public class OtnBotApplication {

    @Bean
    RouteBuilder otnBot() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("messenger:webhook").routeId("otn-bot")
                        .choice()
                            .when(header(MessengerConstants.EVENT_TYPE).isEqualTo("one_time_notif_optin"))
                                .to("messenger-otn:store?topic=offers")
                                .setBody(constant("Thanks! We'll let you know."))
                                .to("messenger:sendMessage")
                            .when(header(MessengerConstants.TEXT).isEqualTo("boom"))
                                .throwException(new IllegalStateException("boom"))
                            .when(header(MessengerConstants.EVENT_TYPE).isEqualTo("message"))
                                .setBody(simple("You said: ${header." + MessengerConstants.TEXT + "}"))
                                .to("messenger:sendMessage");
            }
        };
    }
}
