package io.github.camelmessenger.internal.validation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.Message;
import io.github.camelmessenger.model.QuickReply;
import io.github.camelmessenger.model.Recipient;
import io.github.camelmessenger.model.SendRequest;
import io.github.camelmessenger.model.SenderAction;
import io.github.camelmessenger.model.ThreadControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelmessenger.internal.validation.ValidationSupport.MAPPER;
import static io.github.camelmessenger.internal.validation.ValidationSupport.assertInvalid;
import static io.github.camelmessenger.internal.validation.ValidationSupport.assertValid;
import static io.github.camelmessenger.internal.validation.ValidationSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Top-level fields: recipient, message vs sender action, messaging type, tags, notification type and friends. */
class SendApiValidatorRequestTest {

    static final List<String> TAGS_RETIRED_2026 = PlatformLimits.TAGS_RETIRED_2026;
    static final List<String> TAGS_RETIRED_2020 = PlatformLimits.TAGS_RETIRED_2020;

    private static JsonNode with(String topLevelJson) {
        return json("{'recipient':{'id':'1'},'message':{'text':'hi'}" + (topLevelJson.isEmpty() ? "" : ",")
                    + topLevelJson + "}");
    }

    @Test
    void requestMustBeAnObject() {
        assertInvalid(json("[]"), "request", "must be a JSON object");
        assertInvalid(null, "request", "must be a JSON object");
    }

    @Test
    void recipientIsRequired() {
        assertInvalid(json("{'message':{'text':'hi'}}"), "recipient", "is required");
        assertInvalid(json("{'recipient':'1','message':{'text':'hi'}}"), "recipient", "must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = { "id", "user_ref", "comment_id", "post_id", "one_time_notif_token",
            "notification_messages_token" })
    void eachRecipientIdentifierAloneIsValid(String key) {
        assertValid(json("{'recipient':{'" + key + "':'x1'},'message':{'text':'hi'}}"));
    }

    @Test
    void recipientNeedsExactlyOneIdentifier() {
        assertInvalid(json("{'recipient':{},'message':{'text':'hi'}}"), "recipient",
                "needs exactly one of id, user_ref, comment_id, post_id, one_time_notif_token, "
                                                                                    + "notification_messages_token");
        MessengerValidationException e = assertInvalid(
                json("{'recipient':{'id':'1','one_time_notif_token':'SECRET-TOKEN'},'message':{'text':'hi'}}"),
                "recipient", "needs exactly one of");
        assertThat(e.getMessage()).endsWith("(was: [id, one_time_notif_token])").doesNotContain("SECRET-TOKEN");
    }

    @Test
    void recipientIdentifierMustBeANonEmptyString() {
        assertValid(json("{'recipient':{'id':1234567},'message':{'text':'hi'}}"));
        assertInvalid(json("{'recipient':{'id':' '},'message':{'text':'hi'}}"), "recipient.id",
                "must be a non-empty string");
        MessengerValidationException e = assertInvalid(
                json("{'recipient':{'one_time_notif_token':{'v':'SECRET-TOKEN'}},'message':{'text':'hi'}}"),
                "recipient.one_time_notif_token", "must be a non-empty string");
        assertThat(e.getMessage()).doesNotContain("SECRET-TOKEN");
    }

    @Test
    void exactlyOneOfMessageAndSenderAction() {
        assertInvalid(json("{'recipient':{'id':'1'},'message':{'text':'hi'},'sender_action':'typing_on'}"),
                "request", "needs exactly one of message, sender_action");
        assertInvalid(json("{'recipient':{'id':'1'}}"), "request", "needs exactly one of message, sender_action");
    }

    @ParameterizedTest
    @ValueSource(strings = { "typing_on", "typing_off", "mark_seen" })
    void simpleSenderActionsAreValid(String action) {
        assertValid(json("{'recipient':{'id':'1'},'sender_action':'" + action + "','persona_id':'p'}"));
    }

    @Test
    void unknownSenderActionFails() {
        assertInvalid(json("{'recipient':{'id':'1'},'sender_action':'wave'}"), "sender_action",
                "must be one of typing_on, typing_off, mark_seen, react, unreact");
    }

    @Test
    void reactNeedsMessageIdAndReaction() {
        assertValid(json("{'recipient':{'id':'1'},'sender_action':'react',"
                         + "'payload':{'message_id':'m.1','reaction':'\uD83D\uDE0A'}}"));
        assertInvalid(json("{'recipient':{'id':'1'},'sender_action':'react'}"), "payload", "is required");
        assertInvalid(json("{'recipient':{'id':'1'},'sender_action':'react','payload':{'message_id':'m.1'}}"),
                "payload.reaction", "is required");
        assertInvalid(json("{'recipient':{'id':'1'},'sender_action':'react','payload':{'reaction':'x'}}"),
                "payload.message_id", "is required");
    }

    @Test
    void unreactNeedsMessageId() {
        assertValid(json("{'recipient':{'id':'1'},'sender_action':'unreact','payload':{'message_id':'m.1'}}"));
        assertInvalid(json("{'recipient':{'id':'1'},'sender_action':'unreact','payload':{}}"),
                "payload.message_id", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "RESPONSE", "UPDATE" })
    void messagingTypesAreValid(String type) {
        assertValid(with("'messaging_type':'" + type + "'"));
    }

    @Test
    void messagingTypeMayBeAbsentButNotUnknown() {
        assertValid(with(""));
        assertInvalid(with("'messaging_type':'PROMOTION'"), "messaging_type",
                "must be one of RESPONSE, UPDATE, MESSAGE_TAG");
    }

    @Test
    void messageTagNeedsATagAndATagNeedsMessageTag() {
        assertValid(with("'messaging_type':'MESSAGE_TAG','tag':'HUMAN_AGENT'"));
        assertValid(with("'messaging_type':'MESSAGE_TAG','tag':'CUSTOMER_FEEDBACK'"));
        assertValid(with("'tag':'HUMAN_AGENT'")); // the producer fills in messaging_type
        assertInvalid(with("'messaging_type':'MESSAGE_TAG'"), "tag", "is required when messaging_type is MESSAGE_TAG");
        assertInvalid(with("'messaging_type':'RESPONSE','tag':'HUMAN_AGENT'"), "tag",
                "only allowed when messaging_type is MESSAGE_TAG");
    }

    @Test
    void unknownTagFails() {
        assertInvalid(with("'messaging_type':'MESSAGE_TAG','tag':'WHATEVER'"), "tag",
                "must be one of HUMAN_AGENT, CUSTOMER_FEEDBACK");
    }

    @ParameterizedTest
    @FieldSource("TAGS_RETIRED_2026")
    void tagsRetiredIn2026FailWithAdvice(String tag) {
        MessengerValidationException e = assertInvalid(with("'messaging_type':'MESSAGE_TAG','tag':'" + tag + "'"),
                "tag", "the tag " + tag + " is retired");
        assertThat(e.getLimit()).contains("27 April 2026").contains("HUMAN_AGENT").contains("7 days")
                .contains("One-Time Notification").contains("utility messages");
        assertThat(e.getMessage()).endsWith("(was: \"" + tag + "\")");
    }

    @ParameterizedTest
    @FieldSource("TAGS_RETIRED_2020")
    void preTwentyTwentyTagsFailWithAdvice(String tag) {
        MessengerValidationException e = assertInvalid(with("'messaging_type':'MESSAGE_TAG','tag':'" + tag + "'"),
                "tag", "the tag " + tag + " is retired");
        assertThat(e.getLimit()).contains("4 March 2020").contains("HUMAN_AGENT").contains("One-Time Notification");
    }

    @ParameterizedTest
    @ValueSource(strings = { "REGULAR", "SILENT_PUSH", "NO_PUSH" })
    void notificationTypesAreValid(String type) {
        assertValid(with("'notification_type':'" + type + "'"));
    }

    @Test
    void unknownNotificationTypeFails() {
        assertInvalid(with("'notification_type':'LOUD'"), "notification_type",
                "must be one of REGULAR, SILENT_PUSH, NO_PUSH");
    }

    @Test
    void personaIdMustBeAString() {
        assertValid(with("'persona_id':'123'"));
        assertInvalid(with("'persona_id':{'id':'1'}"), "persona_id", "must be a string");
    }

    @Test
    void replyToNeedsAMid() {
        assertValid(with("'reply_to':{'mid':'m_1'}"));
        assertInvalid(with("'reply_to':{}"), "reply_to.mid", "is required");
        assertInvalid(with("'reply_to':'m_1'"), "reply_to", "must be a JSON object");
    }

    @Test
    void threadControlType() {
        assertValid(with("'thread_control':{'control_type':'pass','app_id':'263902037430900'}"));
        assertValid(with("'thread_control':{'control_type':'release'}"));
        assertInvalid(with("'thread_control':{'control_type':'grab'}"), "thread_control.control_type",
                "must be one of pass, release");
    }

    @Test
    void requestsBuiltWithTheModelPass() {
        SendRequest request = SendRequest.builder()
                .recipient(Recipient.oneTimeNotifToken("tok"))
                .messagingType("MESSAGE_TAG").tag("HUMAN_AGENT").notificationType("NO_PUSH")
                .message(Message.builder().text("Back in stock").quickReply(QuickReply.text("Buy", "BUY"))
                        .quickReply(QuickReply.userEmail()).build())
                .threadControl(ThreadControl.release()).replyToMid("m1")
                .build();
        assertValid(MAPPER.valueToTree(request));
        assertValid(MAPPER.valueToTree(SendRequest.builder().recipient(Recipient.id("1"))
                .senderAction(SenderAction.REACT).payload(Map.of("message_id", "m", "reaction", "x")).build()));
    }
}
