package io.github.camelmessenger.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;

/**
 * A small bot, as a user would write it: greets with quick replies, shows a card, asks for a one-time notification,
 * hands over to the Page Inbox and welcomes the user back.
 */
public class DemoBotRoutes extends RouteBuilder {

    /** The one-time notification tokens the bot received, in order. */
    public final List<String> tokens = new CopyOnWriteArrayList<>();
    /** The event types the webhook handed the route, in order (standby ones prefixed). */
    public final List<String> events = new CopyOnWriteArrayList<>();

    private final String greeting;

    public DemoBotRoutes() {
        this("Hello");
    }

    /** A greeting word, so a test can change the bot's behaviour and see a replay fail. */
    public DemoBotRoutes(String greeting) {
        this.greeting = greeting;
    }

    @Override
    public void configure() {
        from("messenger:webhook?eventTypes=message,quick_reply,postback,one_time_notif_optin,pass_thread_control,"
             + "take_thread_control,echo,delivery,read").routeId("demo-bot")
                .process(e -> events.add((Boolean.TRUE.equals(e.getMessage().getHeader("CamelMessengerStandby"))
                        ? "standby:" : "") + e.getMessage().getHeader("CamelMessengerEventType")))
                .filter(simple("${header.CamelMessengerStandby} != true"))
                .choice()
                    .when(simple("${header.CamelMessengerEventType} == 'one_time_notif_optin'"))
                        .process(e -> tokens.add(e.getMessage().getHeader("CamelMessengerOneTimeNotifToken",
                                String.class)))
                        // the opt-in's token header would address the reply to the token and spend it
                        .removeHeader("CamelMessengerOneTimeNotifToken")
                        .setBody(constant("Thanks, we will tell you once."))
                        .to("messenger:sendMessage")
                    .when(simple("${header.CamelMessengerEventType} == 'pass_thread_control'"))
                        .setBody(constant("The bot is back. How can I help?"))
                        .to("messenger:sendMessage")
                    .when(simple("${header.CamelMessengerQuickReplyPayload} == 'CARD'"))
                        .setHeader("CamelMessengerSubtitle", constant("Warm, and in stock"))
                        .setBody(constant("Winter hat"))
                        .to("messenger:sendGenericTemplate?imageUrl=https://example.com/hat.jpg"
                            + "&buttons=Notify me=NOTIFY,Buy=https://example.com/buy")
                    .when(simple("${header.CamelMessengerQuickReplyPayload} == 'AGENT'"))
                        .setBody(constant("A human will answer you here shortly."))
                        .to("messenger:sendMessage")
                        .setBody(constant(null))
                        .to("messenger:sendToInbox")
                    .when(simple("${header.CamelMessengerQuickReplyPayload} contains '@'"))
                        .setBody(simple("Thanks, we will write to ${header.CamelMessengerQuickReplyPayload}."))
                        .to("messenger:sendMessage")
                    .when(simple("${header.CamelMessengerPostbackPayload} == 'NOTIFY'"))
                        .setBody(constant(null))
                        .to("messenger:sendOneTimeNotificationRequest?title=Back in stock?&payload=restock")
                    .when(simple("${header.CamelMessengerEventType} == 'message'"))
                        .setBody(constant(null))
                        .to("messenger:sendSenderAction?senderAction=typing_on")
                        .setBody(simple(greeting + " ${header.CamelMessengerText}! What would you like?"))
                        .to("messenger:sendMessage?quickReplies=Show me a card=CARD,user_email,"
                            + "Talk to a human=AGENT")
                .end();
    }
}
