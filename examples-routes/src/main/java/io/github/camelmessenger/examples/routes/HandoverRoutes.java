package io.github.camelmessenger.examples.routes;

import io.github.camelmessenger.MessengerApiException;
import org.apache.camel.builder.RouteBuilder;

import static io.github.camelmessenger.MessengerConstants.PAGE_ID;
import static io.github.camelmessenger.MessengerConstants.RECIPIENT_ID;

/**
 * Flow 4 (Java DSL; the same as {@code camel/handover.yaml}): "agent" passes the conversation to the Page Inbox and
 * notes when; a Quartz route takes back the conversations left there longer than
 * {@code example.handover.timeout-seconds}.
 */
public class HandoverRoutes extends RouteBuilder {

    private static final String BY_SENDER
            = " WHERE page_id = :#${header.CamelMessengerPageId} AND psid = :#${header.CamelMessengerSenderId}";

    @Override
    public void configure() {
        from("direct:handover").routeId("handover")
                .setBody(constant("A person from our team will answer you here. The bot steps aside until then."))
                .to("messenger:sendMessage")
                // thread control calls take no body: the webhook's event must not stay on the exchange
                .setBody(constant(""))
                .to("messenger:sendToInbox?metadata=user asked for a person")
                .to("direct:handover-record");

        // the Page Inbox took the conversation itself (a person answered): the clean-up applies to it as well
        from("direct:handover-taken").routeId("handover-taken")
                .to("direct:handover-record");

        from("direct:handover-record").routeId("handover-record")
                .to("sql:DELETE FROM example_handover" + BY_SENDER)
                .to("sql:INSERT INTO example_handover (page_id, psid, handed_over_at) VALUES "
                    + "(:#${header.CamelMessengerPageId}, :#${header.CamelMessengerSenderId}, :#${date:millis})");

        from("direct:handover-returned").routeId("handover-returned")
                .to("sql:DELETE FROM example_handover" + BY_SENDER)
                .setBody(constant("The bot is back. How can I help?"))
                .to("direct:menu-with-text");

        from("quartz:example/handover-cleanup?cron={{example.handover.check-cron}}").routeId("handover-cleanup")
                .to("sql:SELECT page_id AS \"pageId\", psid AS \"psid\" FROM example_handover "
                    + "WHERE handed_over_at <= CAST(:#${date:millis} AS BIGINT) - "
                    + "{{example.handover.timeout-seconds}} * 1000")
                .split(body())
                    .setHeader(PAGE_ID, simple("${body[pageId]}"))
                    .setHeader(RECIPIENT_ID, simple("${body[psid]}"))
                    .doTry()
                        .setBody(constant(""))
                        .to("messenger:takeThreadControl?metadata=left in the inbox too long")
                        .setBody(constant("Sorry for the wait: nobody from our team was free. "
                                          + "The bot is back. How can I help?"))
                        .to("direct:menu-with-text")
                    .doCatch(MessengerApiException.class)
                        // the thread may have moved on meanwhile (handed back, or idle): the record goes all the same
                        .log(org.apache.camel.LoggingLevel.WARN, "taking back ${header.CamelMessengerRecipientId}'s "
                                                                 + "conversation failed: ${exception.message}")
                    .end()
                    .to("sql:DELETE FROM example_handover WHERE page_id = :#${header.CamelMessengerPageId} "
                        + "AND psid = :#${header.CamelMessengerRecipientId}")
                    .log("took back ${header.CamelMessengerRecipientId}'s conversation from the Page Inbox")
                .end();
    }
}
