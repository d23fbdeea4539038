package io.github.camelmessenger.sandbox.transcript;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a replay went: each expected bot step beside what the bot did this time.
 *
 * @param psid the fresh user the replay ran as
 */
public record ReplayReport(String psid, List<Comparison> comparisons, List<String> problems) {

    /** One bot step: expected (null when the bot did more than the transcript) and actual (null when missing). */
    public record Comparison(int index, JsonNode expected, JsonNode actual, boolean matches) {
    }

    public boolean passed() {
        return problems.isEmpty() && comparisons.stream().allMatch(Comparison::matches);
    }

    /** What went wrong, in words: one line per differing step or problem. */
    public String describe() {
        StringBuilder b = new StringBuilder(passed() ? "replay passed" : "replay failed").append(" (user ")
                .append(psid).append(")");
        problems.forEach(p -> b.append("\n  ").append(p));
        for (Comparison c : comparisons) {
            if (!c.matches()) {
                b.append("\n  bot step ").append(c.index()).append(": expected ").append(c.expected())
                        .append("\n    but was ").append(c.actual());
            }
        }
        return b.toString();
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("passed", passed()).put("psid", psid);
        var p = root.putArray("problems");
        problems.forEach(p::add);
        var steps = root.putArray("steps");
        for (Comparison c : comparisons) {
            ObjectNode n = steps.addObject().put("index", c.index()).put("matches", c.matches());
            n.set("expected", c.expected());
            n.set("actual", c.actual());
        }
        return root;
    }
}
