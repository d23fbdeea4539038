package io.github.camelmessenger.benchmarks;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.SendRequest;

/**
 * The one message every scenario sends: a text with two quick replies, a typical bot prompt. The component gets it as
 * body + header + URI option; the plain loops POST the JSON the component produces for it.
 */
final class Payload {

    static final String PAGE_ID = "me";
    /** Sent as {@code Authorization: Bearer}, as the component does. */
    static final String ACCESS_TOKEN = "bench-token";
    static final String RECIPIENT_ID = "24012345678901234";
    static final String TEXT = "Your order #A-10293 has shipped and should arrive on Thursday. Track the parcel now?";
    /** URI option form (shorthand, comma separated). */
    static final String QUICK_REPLIES = "Track it=TRACK_ORDER,Not now=DISMISS";
    static final String PATH = "/v25.0/" + PAGE_ID + "/messages";

    private Payload() {
    }

    /** The Send API JSON of the message, built with the component's model. */
    static byte[] json() {
        SendRequest request = SendRequest.builder()
                .recipient(Recipient.id(RECIPIENT_ID))
                .messagingType(SendRequest.RESPONSE)
                .message(Message.builder()
                        .text(TEXT)
                        .quickReplies(List.of(QuickReply.text("Track it", "TRACK_ORDER"),
                                QuickReply.text("Not now", "DISMISS")))
                        .build())
                .build();
        try {
            return new ObjectMapper().writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
