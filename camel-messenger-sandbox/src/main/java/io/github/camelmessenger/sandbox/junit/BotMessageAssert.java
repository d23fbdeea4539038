package io.github.camelmessenger.sandbox.junit;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/** AssertJ assertions on what the bot sent: text, quick replies, templates, and the sandbox's verdict. */
public final class BotMessageAssert extends AbstractAssert<BotMessageAssert, BotMessage> {

    BotMessageAssert(BotMessage actual) {
        super(actual, BotMessageAssert.class);
    }

    public static BotMessageAssert assertThat(BotMessage actual) {
        return new BotMessageAssert(actual);
    }

    public BotMessageAssert hasText(String text) {
        isNotNull();
        Assertions.assertThat(actual.text()).as("text of %s", actual).isEqualTo(text);
        return this;
    }

    public BotMessageAssert hasTextContaining(String part) {
        isNotNull();
        Assertions.assertThat(actual.text()).as("text of %s", actual).contains(part);
        return this;
    }

    /** Exactly these quick reply titles, in order ({@code user_email} for the pre-filled e-mail one). */
    public BotMessageAssert hasQuickReplies(String... titles) {
        isNotNull();
        Assertions.assertThat(actual.quickReplies()).as("quick replies of %s", actual).containsExactly(titles);
        return this;
    }

    public BotMessageAssert hasQuickReplyPayloads(String... payloads) {
        isNotNull();
        Assertions.assertThat(actual.quickReplyPayloads()).as("quick reply payloads of %s", actual)
                .containsExactly(payloads);
        return this;
    }

    public BotMessageAssert isTemplate(String templateType) {
        isNotNull();
        Assertions.assertThat(actual.templateType()).as("template type of %s", actual).isEqualTo(templateType);
        return this;
    }

    public BotMessageAssert isButtonTemplate() {
        return isTemplate("button");
    }

    public BotMessageAssert isGenericTemplate() {
        return isTemplate("generic");
    }

    public BotMessageAssert isMediaTemplate() {
        return isTemplate("media");
    }

    /** The Notify Me request of a one-time notification, with this title. */
    public BotMessageAssert isOneTimeNotificationRequest(String title) {
        isTemplate("one_time_notif_req");
        Assertions.assertThat(actual.payload().path("title").asText()).as("title of %s", actual).isEqualTo(title);
        return this;
    }

    /** Exactly these button titles (of every card, for a generic template). */
    public BotMessageAssert hasButtons(String... titles) {
        isNotNull();
        Assertions.assertThat(actual.buttons()).as("buttons of %s", actual).containsExactly(titles);
        return this;
    }

    /** Exactly these card titles of a generic template. */
    public BotMessageAssert hasElements(String... titles) {
        isNotNull();
        Assertions.assertThat(actual.elements()).as("cards of %s", actual).containsExactly(titles);
        return this;
    }

    public BotMessageAssert isAttachment(String type) {
        isNotNull();
        Assertions.assertThat(actual.attachmentType()).as("attachment type of %s", actual).isEqualTo(type);
        return this;
    }

    public BotMessageAssert wasAccepted() {
        isNotNull();
        if (!actual.accepted()) {
            failWithMessage("Expected the sandbox to accept %s but it answered %s", actual.json(),
                    actual.entry().verdict().detail());
        }
        return this;
    }

    public BotMessageAssert wasRejectedWith(int code) {
        isNotNull();
        if (actual.accepted() || actual.errorCode() != code) {
            failWithMessage("Expected the sandbox to reject %s with code %s but its verdict was %s", actual.json(),
                    code, actual.entry().verdict());
        }
        return this;
    }

    public BotMessageAssert wasRejectedWith(int code, int subcode) {
        wasRejectedWith(code);
        if (actual.errorSubcode() != subcode) {
            failWithMessage("Expected subcode %s but was %s", subcode, actual.errorSubcode());
        }
        return this;
    }
}
