package io.github.camelmessenger.sandbox.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.sandbox.BadRequestException;
import io.github.camelmessenger.sandbox.SimulatedUser;
import io.github.camelmessenger.sandbox.conversation.Entry;

/**
 * A conversation saved as JSON, to replay as a regression test: the user's side (and the Page Inbox's, and clock
 * jumps) is what a replay does again; the bot's side is what it expects, normalised (no PSIDs, ids or timestamps).
 * <pre>
 * {"format":"camel-messenger-sandbox-transcript/1","user":"alice","email":"..","phone":"..","steps":[
 *   {"user":{"type":"text","text":"hi"}},
 *   {"bot":{"edge":"message","request":{...},"verdict":"accepted"}},
 *   {"clock":"PT25H"}, {"agent":{"action":"reply","text":"..."}}]}
 * </pre>
 */
public record Transcript(String user, String email, String phone, List<Step> steps) {

    public static final String FORMAT = "camel-messenger-sandbox-transcript/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One step: {@code actor} is user, bot, agent or clock. */
    public record Step(String actor, JsonNode data) {
    }

    public static Transcript of(SimulatedUser user, List<Entry> entries) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            switch (e.side()) {
                case USER -> steps.add(new Step("user", Steps.userEvent(user, e)));
                case BOT -> steps.add(new Step("bot", Steps.bot(e, user.psid())));
                case AGENT -> steps.add(new Step("agent", JsonNodeFactory.instance.objectNode().put("action", "reply")
                        .put("text", e.body().path("message").path("text").asText())));
                default -> {
                    JsonNode step = Steps.system(e, i + 1 < entries.size() ? entries.get(i + 1) : null);
                    if (step != null) {
                        steps.add(new Step(e.kind().equals("clock") ? "clock" : "agent", step));
                    }
                }
            }
        }
        return new Transcript(user.name(), user.email(), user.phone(), steps);
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("format", FORMAT).put("user", user)
                .put("email", email).put("phone", phone);
        ArrayNode all = root.putArray("steps");
        steps.forEach(s -> all.addObject().set(s.actor(), s.data()));
        return root;
    }

    public static Transcript fromJson(JsonNode json) {
        if (json == null || !FORMAT.equals(json.path("format").asText())) {
            throw new BadRequestException("format", "expected \"" + FORMAT + "\"");
        }
        JsonNode steps = json.get("steps");
        if (steps == null || !steps.isArray()) {
            throw new BadRequestException("steps", "expected an array");
        }
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            if (!s.isObject() || s.size() != 1) {
                throw new BadRequestException("steps[" + i + "]", "expected one of {\"user\":..}, {\"bot\":..}, "
                                                                  + "{\"agent\":..}, {\"clock\":..}");
            }
            String actor = s.fieldNames().next();
            if (!List.of("user", "bot", "agent", "clock").contains(actor)) {
                throw new BadRequestException("steps[" + i + "]", "unknown actor " + actor);
            }
            out.add(new Step(actor, s.get(actor)));
        }
        return new Transcript(json.path("user").asText("replayed user"), json.path("email").asText(null),
                json.path("phone").asText(null), out);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Transcript read(Path file) {
        try {
            return fromJson(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bot steps, in order. */
    public List<JsonNode> botSteps() {
        return steps.stream().filter(s -> s.actor().equals("bot")).map(Step::data).toList();
    }
}
