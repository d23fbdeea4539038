package io.github.camelmessenger.internal.send;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.internal.shorthand.Shorthand;

/**
 * Quick replies and buttons in the shorthand no-code users know ({@code Label=PAYLOAD}, {@code user_email}, ...): the
 * header (a List or a comma separated String) when present, else the endpoint option.
 */
public final class Shorthands {

    private static final OptionShorthand OPTION_QUICK_REPLIES = new OptionShorthand(
            option -> ModelTree.array(Shorthand.quickReplies(Shorthand.split(option, true))));
    private static final OptionShorthand OPTION_BUTTONS = new OptionShorthand(
            option -> ModelTree.array(Shorthand.buttons(Shorthand.split(option, true))));

    private Shorthands() {
    }

    /** @return the quick replies, or null when there are none */
    public static ArrayNode quickReplies(ExchangeSettings settings) {
        Object header = settings.list(MessengerConstants.QUICK_REPLIES, null);
        if (header == null) {
            ArrayNode parsed = OPTION_QUICK_REPLIES.parse(settings.options.getQuickReplies());
            return parsed.isEmpty() ? null : parsed;
        }
        List<String> items = Shorthand.split(header, true);
        return items.isEmpty() ? null : ModelTree.array(Shorthand.quickReplies(items));
    }

    /** @return the buttons, empty when there are none */
    public static ArrayNode buttons(ExchangeSettings settings) {
        Object header = settings.list(MessengerConstants.BUTTONS, null);
        if (header == null) {
            return OPTION_BUTTONS.parse(settings.options.getButtons());
        }
        return ModelTree.array(Shorthand.buttons(Shorthand.split(header, true)));
    }

    /**
     * Shorthand from a URI option, parsed once per option text: the option is the same for every exchange of an
     * endpoint. The parsed nodes are shared by every request built from them, which is safe because a request tree
     * is only read once built (validated, then written): nothing on the send path changes a tree it did not create.
     */
    private static final class OptionShorthand {
        /** Endpoints with computed options (toD) could create many texts: start over rather than grow. */
        private static final int LIMIT = 256;
        private final Function<String, ArrayNode> parser;
        private final Map<String, ArrayNode> parsed = new ConcurrentHashMap<>();

        OptionShorthand(Function<String, ArrayNode> parser) {
            this.parser = parser;
        }

        ArrayNode parse(String option) {
            String key = option == null ? "" : option;
            ArrayNode nodes = parsed.get(key);
            if (nodes == null) {
                // a bad option throws here, every time, as before: nothing is cached for it
                nodes = parser.apply(option);
                if (parsed.size() >= LIMIT) {
                    parsed.clear();
                }
                parsed.put(key, nodes);
            }
            return nodes;
        }
    }
}
