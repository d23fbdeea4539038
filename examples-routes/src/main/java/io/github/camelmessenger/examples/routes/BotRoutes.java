package io.github.camelmessenger.examples.routes;

import org.apache.camel.builder.RouteBuilder;

import static io.github.camelmessenger.MessengerConstants.EVENT_TYPE;
import static io.github.camelmessenger.MessengerConstants.POSTBACK_PAYLOAD;
import static io.github.camelmessenger.MessengerConstants.QUICK_REPLY_PAYLOAD;
import static io.github.camelmessenger.MessengerConstants.STANDBY;
import static io.github.camelmessenger.MessengerConstants.TEXT;
import static io.github.camelmessenger.MessengerConstants.WAIT_STEP;

/**
 * The bot's front door (Java DSL; the same as {@code camel/bot.yaml}). Every webhook event of the Page arrives here
 * and goes to the flow that owns it, in this order: standby events are left to the person in the Page Inbox; then
 * events that are not the user's words (opt-in, expired wait, thread control); then what the user tapped or typed that
 * a flow owns (quick reply and postback payloads, and the same words typed), which wins over a pending wait; then the
 * answer to a pending wait; anything else gets the menu.
 */
public class BotRoutes extends RouteBuilder {

    /** The payload the user tapped, or the text they typed in capitals: what the flows are routed on. */
    public static final String COMMAND = "ExampleCommand";

    static final String MENU_QUICK_REPLIES
            = "Offers=OFFERS,Products=PRODUCTS,Share contact=CONTACT,Send a file=FILE,Talk to a human=AGENT";

    @Override
    public void configure() {
        from("messenger:webhook").routeId("bot")
                .filter(header(STANDBY).isEqualTo(true))
                    .log("standby ${header.CamelMessengerEventType}: the Page Inbox has the conversation")
                    .stop()
                .end()
                .setHeader(COMMAND, header(QUICK_REPLY_PAYLOAD))
                .filter(header(COMMAND).isNull())
                    .setHeader(COMMAND, header(POSTBACK_PAYLOAD))
                .end()
                .filter(simple("${header." + COMMAND + "} == null && ${header." + TEXT + "} != null"))
                    .setHeader(COMMAND, simple("${header." + TEXT + ".trim().toUpperCase()}"))
                .end()
                .choice()
                    .when(header(EVENT_TYPE).isEqualTo("one_time_notif_optin")).to("direct:otn-store")
                    .when(header(EVENT_TYPE).isEqualTo("wait_expired")).to("direct:wait-expired")
                    .when(header(EVENT_TYPE).isEqualTo("pass_thread_control")).to("direct:handover-returned")
                    .when(header(EVENT_TYPE).isEqualTo("take_thread_control")).to("direct:handover-taken")
                    .when(header(COMMAND).in("MENU", "HI", "HELLO", "START")).to("direct:menu")
                    .when(header(COMMAND).isEqualTo("OFFERS")).to("direct:otn-request")
                    .when(header(COMMAND).isEqualTo("OFFERS_SHOW")).to("direct:offers-show")
                    .when(header(COMMAND).isEqualTo("OFFERS_LATER")).to("direct:offers-later")
                    .when(header(COMMAND).isEqualTo("CONTACT")).to("direct:contact-ask-email")
                    .when(header(COMMAND).in("AGENT", "HUMAN")).to("direct:handover")
                    .when(header(COMMAND).isEqualTo("FILE")).to("direct:file-ask")
                    .when(header(COMMAND).isEqualTo("PRODUCTS")).to("direct:carousel")
                    .when(header(COMMAND).regex("PRODUCT_[0-9]{1,9}")).to("direct:product-detail")
                    .when(header(WAIT_STEP).isEqualTo("contact-email")).to("direct:contact-email")
                    .when(header(WAIT_STEP).isEqualTo("contact-phone")).to("direct:contact-phone")
                    .when(header(WAIT_STEP).isEqualTo("file")).to("direct:file-received")
                    .when(header(EVENT_TYPE).in("message", "quick_reply", "postback")).to("direct:menu")
                .end();

        // waits nobody answered in time: each flow sends its own reminder
        from("direct:wait-expired").routeId("wait-expired")
                .choice()
                    .when(header(WAIT_STEP).startsWith("contact-")).to("direct:contact-reminder")
                    .when(header(WAIT_STEP).isEqualTo("file")).to("direct:file-reminder")
                .end();

        from("direct:menu").routeId("menu")
                .setBody(constant("Hi! I am the camel-messenger demo bot. What would you like?"))
                .to("direct:menu-with-text");

        from("direct:menu-with-text").routeId("menu-with-text")
                .to("messenger:sendMessage?quickReplies=" + MENU_QUICK_REPLIES);
    }
}
