package io.github.camelmessenger.internal.send;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;

/**
 * The body-normalising step every send shares: an exchange body becomes either a structured tree (typed model, Map,
 * JsonNode or JSON text, see {@link BodyTree}) or plain text (a text, URL or id the operation builds its message
 * around). A structured body is placed into a Send API request by the fields it has — a whole request, a
 * {@code message}, an attachment, a template payload — and only what none of these is goes to the operation's own
 * placement (a card, a media element, a button template's text and buttons).
 */
public final class MessageBody {

    private final Exchange exchange;
    private final ObjectNode tree;

    private MessageBody(Exchange exchange, ObjectNode tree) {
        this.exchange = exchange;
        this.tree = tree;
    }

    public static MessageBody of(Exchange exchange) {
        return new MessageBody(exchange, BodyTree.read(exchange.getMessage().getBody()));
    }

    /** Whether the body is structured (then {@link #tree()} is set). */
    public boolean isStructured() {
        return tree != null;
    }

    /** The structured body, owned by the caller; null for a plain body. */
    public ObjectNode tree() {
        return tree;
    }

    /** The body as text (plain bodies). */
    public String text() {
        return exchange.getMessage().getBody(String.class);
    }

    public static boolean isRequest(ObjectNode tree) {
        return tree.has("recipient") || tree.has("message") || tree.has("sender_action");
    }

    /**
     * The Send API request of a structured body.
     *
     * @param textIsTemplateText whether {@code text} belongs to the operation's template (a button template) rather
     *                           than making the body a text message
     * @param operationForm      the operation's placement of what is neither a request, a message nor an attachment
     *                           or template payload: returns the {@code message} object
     */
    public ObjectNode request(boolean textIsTemplateText, UnaryOperator<ObjectNode> operationForm) {
        if (isRequest(tree)) {
            return tree;
        }
        return withMessage(message(textIsTemplateText, operationForm));
    }

    private ObjectNode message(boolean textIsTemplateText, UnaryOperator<ObjectNode> operationForm) {
        if (tree.has("text") && !textIsTemplateText || tree.has("attachment") || tree.has("attachments")) {
            return tree;
        }
        if (tree.has("type") && tree.has("payload")) {
            return wrap("attachment", tree);
        }
        if (tree.has("template_type")) {
            return templateMessage(tree);
        }
        return operationForm.apply(tree);
    }

    /** {@code {"message": message}}. */
    public static ObjectNode withMessage(ObjectNode message) {
        return wrap("message", message);
    }

    /** {@code {"attachment": {"type": "template", "payload": payload}}}. */
    public static ObjectNode templateMessage(ObjectNode payload) {
        ObjectNode attachment = Json.NODES.objectNode();
        attachment.put("type", "template");
        attachment.set("payload", payload);
        return wrap("attachment", attachment);
    }

    /** {@code {"attachment": attachment}}. */
    public static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode node = Json.NODES.objectNode();
        node.set(field, value);
        return node;
    }
}
