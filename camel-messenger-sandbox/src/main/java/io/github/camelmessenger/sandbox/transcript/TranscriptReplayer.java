package io.github.camelmessenger.sandbox.transcript;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.sandbox.EventOutcome;
import io.github.camelmessenger.sandbox.Sandbox;
import io.github.camelmessenger.sandbox.SimulatedUser;
import io.github.camelmessenger.sandbox.conversation.Conversation;
import io.github.camelmessenger.sandbox.conversation.Entry;
import io.github.camelmessenger.sandbox.conversation.Side;

/**
 * Replays a transcript against the running app: a fresh user does the user's steps again (the Page Inbox its steps,
 * the clock its jumps), each once the bot has made the calls the transcript shows before it, and the bot's calls are
 * compared, normalised, with the transcript's. Blocks while it waits for the bot; never sleeps.
 */
public final class TranscriptReplayer {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger REPLAYS = new AtomicInteger();

    private final Sandbox sandbox;
    private final Duration timeout;

    public TranscriptReplayer(Sandbox sandbox, Duration timeout) {
        this.sandbox = sandbox;
        this.timeout = timeout;
    }

    public ReplayReport replay(Transcript transcript) throws InterruptedException {
        SimulatedUser user = sandbox.createUser(transcript.user() + " (replay " + REPLAYS.incrementAndGet() + ")",
                null, transcript.email(), transcript.phone());
        Conversation conversation = sandbox.conversation(user.psid());
        List<String> problems = new ArrayList<>();
        int expectedBots = 0;
        for (Transcript.Step step : transcript.steps()) {
            if (step.actor().equals("bot")) {
                expectedBots++;
                continue;
            }
            List<Entry> bots = conversation.await(e -> e.side() == Side.BOT, expectedBots, timeout);
            if (bots.size() < expectedBots) {
                problems.add("waited " + timeout + " for " + expectedBots + " bot calls before " + step.actor() + " "
                             + step.data() + "; got " + bots.size());
                break;
            }
            String problem = act(user.psid(), step);
            if (problem != null) {
                problems.add(problem);
                break;
            }
        }
        List<Entry> actual = conversation.await(e -> e.side() == Side.BOT, expectedBots, timeout);
        return new ReplayReport(user.psid(), compare(transcript.botSteps(), actual, user.psid()), problems);
    }

    private String act(String psid, Transcript.Step step) throws InterruptedException {
        JsonNode data = step.data();
        try {
            EventOutcome outcome;
            switch (step.actor()) {
                case "clock" -> {
                    sandbox.advanceClock(Duration.parse(data.asText()));
                    return null;
                }
                case "agent" -> outcome = sandbox.inbox(psid, data).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                default -> outcome = sandbox.act(psid, data).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            return outcome.delivery().ok() ? null
                    : step.actor() + " " + data + ": " + outcome.entry().verdict().reason();
        } catch (ExecutionException e) {
            return step.actor() + " " + data + ": " + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return step.actor() + " " + data + ": the webhook did not answer within " + timeout;
        } catch (RuntimeException e) {
            return step.actor() + " " + data + ": " + e.getMessage();
        }
    }

    private static List<ReplayReport.Comparison> compare(List<JsonNode> expected, List<Entry> actual, String psid) {
        List<ReplayReport.Comparison> out = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            JsonNode exp = i < expected.size() ? expected.get(i) : null;
            JsonNode act = i < actual.size() ? Steps.bot(actual.get(i), psid) : null;
            out.add(new ReplayReport.Comparison(i, exp, act, exp != null && exp.equals(act)));
        }
        return out;
    }
}
