package io.github.camelmessenger.producer;

import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain text sends, the most frequent ones (they once had a template path of their own; now every send takes the one
 * path): what reaches the Graph API must be exactly the request the options and headers describe, for any text.
 */
class PlainTextSendsTest extends GraphApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { "plain", "quotes \" and \\ backslashes", "line\nbreaks\tand tabs", "caf\u00e9 \u00e4\u00f6\u00e5",
            "emoji \ud83d\ude00 and \u2764\ufe0f", "@@camel-messenger-text@@", "  leading space", "a}b{c\"d" })
    void anyTextIsEncodedExactly(String text) {
        Exchange out = send("messenger:sendMessage?quickReplies=Yes=Y,user_email", text);

        assertThat(out.getException()).isNull();
        String json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(text).toString();
        assertOnlyRequest("/v25.0/me/messages", """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":%s,"quick_replies":[
                  {"content_type":"text","title":"Yes","payload":"Y"},{"content_type":"user_email"}]}}
                """.formatted(PSID, json));
    }

    @Test
    void endpointOptionsAreInTheTemplate() {
        send("messenger:sendMessage?tag=HUMAN_AGENT&notificationType=SILENT_PUSH&personaId=p7&metadata=m"
             + "&threadControl=release", "from an agent");

        assertOnlyRequest("/v25.0/me/messages", """
                {"recipient":{"id":"%s"},"messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT",
                 "notification_type":"SILENT_PUSH","persona_id":"p7","thread_control":{"control_type":"release"},
                 "message":{"text":"from an agent","metadata":"m"}}
                """.formatted(PSID));
    }

    @Test
    void theRecipientWinsOverTheSenderWhateverTheirOrder() {
        template.send("messenger:sendMessage", e -> {
            e.getMessage().setHeader("CamelMessengerSenderId", "sender-1");
            e.getMessage().setHeader("CamelMessengerRecipientId", "recipient-2");
            e.getMessage().setBody("to the recipient");
        });

        assertOnlyRequest("/v25.0/me/messages", """
                {"recipient":{"id":"recipient-2"},"messaging_type":"RESPONSE","message":{"text":"to the recipient"}}
                """);
    }

    @Test
    void textRulesAreTheSame() {
        Exchange empty = send("messenger:sendMessage", "   ");
        Exchange tooLong = send("messenger:sendMessage", "x".repeat(2001));

        assertThat(empty.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("message.text").hasMessageContaining("must not be empty");
        assertThat(tooLong.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageContaining("message.text").hasMessageContaining("at most 2000 characters");
        assertNoRequest();
    }

    @Test
    void otherMessengerHeadersTakeTheGeneralPath() {
        send("messenger:sendMessage?quickReplies=A", "with header quick replies",
                Map.of("CamelMessengerQuickReplies", "B=b"));

        assertOnlyRequest("/v25.0/me/messages", """
                {"recipient":{"id":"%s"},"messaging_type":"RESPONSE","message":{"text":"with header quick replies",
                 "quick_replies":[{"content_type":"text","title":"B","payload":"b"}]}}
                """.formatted(PSID));
    }
}
