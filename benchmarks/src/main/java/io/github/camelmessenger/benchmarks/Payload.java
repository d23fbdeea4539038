package io.github.camelmessenger.benchmarks;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.model.GenericElement;
import io.github.camelmessenger.model.GenericTemplate;
import io.github.camelmessenger.model.PostbackButton;
import io.github.camelmessenger.model.UrlButton;
import org.apache.camel.Message;

/**
 * The three messages the benchmark sends, each the way its user would: the component gets a route's body, headers
 * and URI options; the raw Vert.x loop builds the same Send API request per message with Jackson (a tree, written to
 * bytes), as code calling the Send API by hand would.
 */
enum Payload {

    /** A plain text. */
    TEXT("text", "messenger:sendMessage") {
        @Override
        void fill(Message message) {
            message.setBody(Payload.TEXT_BODY);
            message.setHeader(MessengerConstants.RECIPIENT_ID, RECIPIENT_ID);
        }

        @Override
        ObjectNode message(JsonNodeFactory nodes) {
            return nodes.objectNode().put("text", Payload.TEXT_BODY);
        }
    },
    /** A text with three quick replies, the replies as a URI option in shorthand. */
    QUICK_REPLIES("quickReplies",
                  "messenger:sendMessage?quickReplies=RAW(Track it=TRACK_ORDER,Not now=DISMISS,Talk to us=AGENT)") {
        @Override
        void fill(Message message) {
            TEXT.fill(message);
        }

        @Override
        ObjectNode message(JsonNodeFactory nodes) {
            ObjectNode message = nodes.objectNode().put("text", Payload.TEXT_BODY);
            ArrayNode replies = message.putArray("quick_replies");
            replies.addObject().put("content_type", "text").put("title", "Track it").put("payload", "TRACK_ORDER");
            replies.addObject().put("content_type", "text").put("title", "Not now").put("payload", "DISMISS");
            replies.addObject().put("content_type", "text").put("title", "Talk to us").put("payload", "AGENT");
            return message;
        }
    },
    /** A generic template of three cards, each with an image, a URL button and a postback button. */
    CARDS("cards", "messenger:sendGenericTemplate") {
        @Override
        void fill(Message message) {
            // the typed model, built per message as a route's bean would
            message.setBody(GenericTemplate.of(List.of(card(1), card(2), card(3))));
            message.setHeader(MessengerConstants.RECIPIENT_ID, RECIPIENT_ID);
        }

        private GenericElement card(int n) {
            return GenericElement.builder().title("Parcel locker " + n).subtitle("Open 24/7, " + n + "00 m away")
                    .imageUrl("https://shop.example.com/img/locker-" + n + ".png")
                    .button(new UrlButton("Directions", "https://shop.example.com/lockers/" + n, null, null, null,
                            null))
                    .button(new PostbackButton("Choose this one", "LOCKER_" + n))
                    .build();
        }

        @Override
        ObjectNode message(JsonNodeFactory nodes) {
            ObjectNode payload = nodes.objectNode().put("template_type", "generic");
            ArrayNode elements = payload.putArray("elements");
            for (int n = 1; n <= 3; n++) {
                ObjectNode card = elements.addObject().put("title", "Parcel locker " + n)
                        .put("subtitle", "Open 24/7, " + n + "00 m away")
                        .put("image_url", "https://shop.example.com/img/locker-" + n + ".png");
                ArrayNode buttons = card.putArray("buttons");
                buttons.addObject().put("type", "web_url").put("title", "Directions")
                        .put("url", "https://shop.example.com/lockers/" + n);
                buttons.addObject().put("type", "postback").put("title", "Choose this one")
                        .put("payload", "LOCKER_" + n);
            }
            ObjectNode message = nodes.objectNode();
            message.putObject("attachment").put("type", "template").set("payload", payload);
            return message;
        }
    };

    static final String PAGE_ID = "me";
    /** Sent as {@code Authorization: Bearer}, as the component does. */
    static final String ACCESS_TOKEN = "bench-token";
    static final String RECIPIENT_ID = "24012345678901234";
    static final String TEXT_BODY = "Your order #A-10293 has shipped and should arrive on Thursday. Track the parcel now?";
    static final String PATH = "/v25.0/" + PAGE_ID + "/messages";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String id;
    /** The component's endpoint. */
    final String uri;

    Payload(String id, String uri) {
        this.id = id;
        this.uri = uri;
    }

    static Payload of(String id) {
        for (Payload payload : values()) {
            if (payload.id.equals(id)) {
                return payload;
            }
        }
        throw new IllegalArgumentException("unknown payload " + id + "; known: text, quickReplies, cards");
    }

    /** What a route puts on the exchange for the component. */
    abstract void fill(Message message);

    /** The {@code message} object, built with Jackson. */
    abstract ObjectNode message(JsonNodeFactory nodes);

    /** The whole Send API request, built with Jackson and written to bytes: the raw client's work per message. */
    byte[] json() {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        ObjectNode request = nodes.objectNode();
        request.putObject("recipient").put("id", RECIPIENT_ID);
        request.put("messaging_type", "RESPONSE");
        request.set("message", message(nodes));
        try {
            return MAPPER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
