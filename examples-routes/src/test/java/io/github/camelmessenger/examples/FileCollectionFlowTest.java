package io.github.camelmessenger.examples;

import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow 5: the bot asks for a file, waits for it, and keeps its URL and type. */
class FileCollectionFlowTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void keepsTheFileTheUserSends(Dsl dsl) {
        start(dsl);
        collectsAFile(app, greeted("alice"));
    }

    static void collectsAFile(ExampleApp app, TestUser alice) {
        alice.tapsQuickReply("Send a file");
        alice.receives().hasText("Please send the file: a photo, a video, a PDF...")
                .hasQuickReplies("Not now", "Talk to a human");
        alice.says("later");
        alice.receives().hasText("That was not a file. Please send one, or tap Not now.");
        alice.sendsAttachment("file", "https://files.example.com/invoice-42.pdf");
        alice.receives().hasText("Got your file, thanks! It is filed.").hasQuickReplies(MENU);

        assertThat(app.query("SELECT url, type FROM example_file WHERE psid = ?", alice.psid()))
                .singleElement().satisfies(row -> assertThat(ContactFlowTest.lower(row))
                        .containsEntry("url", "https://files.example.com/invoice-42.pdf")
                        .containsEntry("type", "file"));
    }
}
