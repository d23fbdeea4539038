package io.github.camelmessenger.examples.routes;

import org.apache.camel.builder.RouteBuilder;

import static io.github.camelmessenger.MessengerConstants.WAIT_STEP;

/**
 * Flow 5 (Java DSL; the same as {@code camel/files.yaml}): ask for a file, wait for it, and keep each attachment's URL
 * and type in the bot's table {@code example_file}.
 */
public class FileCollectionRoutes extends RouteBuilder {

    private static final String QUICK_REPLIES = "quickReplies=Not now=MENU,Talk to a human=AGENT";

    @Override
    public void configure() {
        from("direct:file-ask").routeId("file-ask")
                .setBody(constant("Please send the file: a photo, a video, a PDF..."))
                .to("messenger:sendMessage?" + QUICK_REPLIES)
                .to("direct:file-wait");

        from("direct:file-received").routeId("file-received")
                .choice()
                    .when(simple("${header.CamelMessengerAttachments} != null "
                                 + "&& ${header.CamelMessengerAttachments[0][url]} != null"))
                        .split(header("CamelMessengerAttachments"))
                            .filter(simple("${body[url]} != null"))
                                .to("sql:INSERT INTO example_file (page_id, psid, url, type, received_at) VALUES "
                                    + "(:#${header.CamelMessengerPageId}, :#${header.CamelMessengerSenderId}, "
                                    + ":#${body[url]}, :#${body[type]}, CURRENT_TIMESTAMP)")
                                .log("stored a ${body[type]} of ${header.CamelMessengerSenderId}")
                            .end()
                        .end()
                        .setBody(simple("Got your ${header.CamelMessengerAttachments[0][type]}, thanks! It is filed."))
                        .to("direct:menu-with-text")
                    .endChoice()
                    .otherwise()
                        .setBody(constant("That was not a file. Please send one, or tap Not now."))
                        .to("messenger:sendMessage?" + QUICK_REPLIES)
                        .to("direct:file-wait")
                .end();

        // the inbound exchange may carry the step it answered, which would win over an option: set it as header
        from("direct:file-wait").routeId("file-wait")
                .setHeader(WAIT_STEP, constant("file"))
                .to("messenger:waitForResponse?timeout={{example.wait-timeout}}");

        from("direct:file-reminder").routeId("file-reminder")
                .setBody(constant("No file yet? Tap Send a file whenever you are ready."))
                .to("direct:menu-with-text");
    }
}
