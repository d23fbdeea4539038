package io.github.camelmessenger.examples.routes;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;

import static io.github.camelmessenger.MessengerConstants.TEXT;
import static io.github.camelmessenger.MessengerConstants.WAIT_STEP;

/**
 * Flow 3 (Java DSL; the same as {@code camel/contacts.yaml}): collect e-mail and phone with the pre-filled quick
 * replies ({@code user_email}, {@code user_phone_number}) and keep them in the bot's table {@code example_contact}
 * (camel-sql) and as attributes of the messenger-otn contact, which the fallback of flow 2 reads.
 */
public class ContactRoutes extends RouteBuilder {

    static final String VALUE = "ExampleValue";
    private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    private static final String E164 = "\\+[1-9][0-9]{6,14}";
    private static final String WHERE_USER
            = " WHERE page_id = :#${header.CamelMessengerPageId} AND psid = :#${header.CamelMessengerSenderId}";

    @Override
    public void configure() {
        from("direct:contact-ask-email").routeId("contact-ask-email")
                .setBody(constant("May I have your e-mail address? Tap it below, or type it."))
                .to("messenger:sendMessage?quickReplies=user_email,Not now=MENU")
                .to("direct:contact-wait-email");

        from("direct:contact-email").routeId("contact-email")
                .setHeader(VALUE, simple("${header." + TEXT + "?.trim()}"))
                .choice()
                    .when(header(VALUE).regex(EMAIL))
                        .to("direct:contact-save-email")
                        .setBody(simple("Thanks, we will write to ${header." + VALUE + "}. "
                                        + "And your phone number, for a text now and then?"))
                        .to("messenger:sendMessage?quickReplies=user_phone_number,Not now=MENU")
                        .to("direct:contact-wait-phone")
                    .otherwise()
                        .setBody(constant("That does not look like an e-mail address. Tap it below, or type it."))
                        .to("messenger:sendMessage?quickReplies=user_email,Not now=MENU")
                        .to("direct:contact-wait-email")
                .end();

        from("direct:contact-phone").routeId("contact-phone")
                // the platform shares numbers in E.164 (+15551234567); people type spaces, dashes and brackets
                .setHeader(VALUE, simple("${header." + TEXT + "?.replaceAll('[\\s().-]', '')}"))
                .choice()
                    .when(header(VALUE).regex(E164))
                        .to("direct:contact-save-phone")
                        .setBody(simple("Thanks! We have your number ${header." + VALUE + "}."))
                        .to("direct:menu-with-text")
                    .otherwise()
                        .setBody(constant("That does not look like a phone number with its country code "
                                          + "(+1 555 123 4567). Tap it below, or type it."))
                        .to("messenger:sendMessage?quickReplies=user_phone_number,Not now=MENU")
                        .to("direct:contact-wait-phone")
                .end();

        // the user's own table (a row per user, the latest value) and the attribute the fallback of flow 2 reads
        for (String field : List.of("email", "phone")) {
            from("direct:contact-save-" + field).routeId("contact-save-" + field)
                    .to("sql:UPDATE example_contact SET " + field + " = :#${header." + VALUE + "}, "
                        + "updated_at = CURRENT_TIMESTAMP" + WHERE_USER)
                    .filter(header("CamelSqlUpdateCount").isEqualTo(0))
                        .to("sql:INSERT INTO example_contact (page_id, psid, " + field + ", updated_at) VALUES "
                            + "(:#${header.CamelMessengerPageId}, :#${header.CamelMessengerSenderId}, "
                            + ":#${header." + VALUE + "}, CURRENT_TIMESTAMP)")
                    .end()
                    .setBody(header(VALUE))
                    .to("messenger-otn:setAttribute?name=" + field);
        }

        // the inbound exchange may still carry the step it answered, which would win over an option: set the header
        from("direct:contact-wait-email").routeId("contact-wait-email")
                .setHeader(WAIT_STEP, constant("contact-email"))
                .to("messenger:waitForResponse?timeout={{example.wait-timeout}}");

        from("direct:contact-wait-phone").routeId("contact-wait-phone")
                .setHeader(WAIT_STEP, constant("contact-phone"))
                .to("messenger:waitForResponse?timeout={{example.wait-timeout}}");

        from("direct:contact-reminder").routeId("contact-reminder")
                .setBody(constant("Still there? Tap Share contact whenever you like."))
                .to("messenger:sendMessage?quickReplies=Share contact=CONTACT,Offers=OFFERS,Products=PRODUCTS");
    }
}
