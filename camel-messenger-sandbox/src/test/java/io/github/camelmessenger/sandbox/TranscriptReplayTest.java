package io.github.camelmessenger.sandbox;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import io.github.camelmessenger.sandbox.junit.TestUser;
import io.github.camelmessenger.sandbox.transcript.ReplayReport;
import io.github.camelmessenger.sandbox.transcript.Transcript;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A conversation saved as a transcript and replayed as a regression test against the running bot. */
class TranscriptReplayTest extends SandboxRouteTestSupport {

    private static final Path DIR = Paths.get("target", "transcripts");

    private DemoBotRoutes bot = new DemoBotRoutes();

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return bot;
    }

    private Transcript recordAConversation(String name) {
        TestUser u = sandbox.user(name);
        u.says("hi");
        u.receives();
        u.tapsQuickReply("Show me a card");
        u.receives();
        u.tapsButton("Notify me");
        u.receives();
        u.tapsNotifyMe();
        u.receives();
        sandbox.advanceClock(Duration.ofHours(1));
        u.says("me again");
        u.receives();
        u.sharesEmail();
        u.receives();
        return sandbox.transcript(u);
    }

    @Test
    void aSavedTranscriptReplaysAgainstTheSameBot() throws Exception {
        Transcript t = recordAConversation("alice");
        Path file = DIR.resolve("alice.json");
        t.write(file);

        ReplayReport report = sandbox.replay(file);

        assertThat(report.passed()).as(report.describe()).isTrue();
        assertThat(report.comparisons()).hasSize(t.botSteps().size());
        assertThat(t.steps()).extracting(Transcript.Step::actor).contains("user", "bot", "clock");
        // normalised: no PSID, token or id of this run
        assertThat(t.toJson().toString()).contains("\"recipient\":{\"id\":\"<id>\"}")
                .doesNotContain(sandbox.user("alice").psid()).doesNotContain(report.psid());
    }

    @Test
    void aChangedBotFailsTheReplayNamingTheStep() throws Exception {
        Transcript t = recordAConversation("bob");
        context.getRouteController().stopRoute("demo-bot");
        context.removeRoute("demo-bot");
        bot = new DemoBotRoutes("Howdy");
        context.addRoutes(bot);

        ReplayReport report = sandbox.replay(t);

        assertThat(report.passed()).isFalse();
        assertThat(report.describe()).contains("bot step 1").contains("Howdy");
    }
}
