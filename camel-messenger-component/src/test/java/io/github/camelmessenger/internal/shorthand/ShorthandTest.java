package io.github.camelmessenger.internal.shorthand;

import java.util.Arrays;
import java.util.List;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.Button;
import io.github.camelmessenger.model.QuickReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ShorthandTest {

    // --- split ---

    @Test
    void splitNullGivesNoItems() {
        assertThat(Shorthand.split(null, true)).isEmpty();
        assertThat(Shorthand.split(null, false)).isEmpty();
    }

    @Test
    void splitStringOnCommasTrimmingAndDroppingBlanks() {
        assertThat(Shorthand.split(" Yes , No,, ,Maybe=later ", true)).containsExactly("Yes", "No", "Maybe=later");
        assertThat(Shorthand.split("Yes,No", false)).containsExactly("Yes", "No");
    }

    @Test
    void splitStringWithLineBreaksOnLinesKeepingCommas() {
        assertThat(Shorthand.split("Red, dark=RED\r\n\n  Blue  \nGreen=a,b\n", true))
                .containsExactly("Red, dark=RED", "Blue", "Green=a,b");
    }

    @Test
    void splitCollectionAndArrayKeepItemsWhole() {
        assertThat(Shorthand.split(List.of(" a,b ", "", "c"), true)).containsExactly("a,b", "c");
        assertThat(Shorthand.split(Arrays.asList("x", null, " y "), true)).containsExactly("x", "y");
        assertThat(Shorthand.split(new String[] { "p", " " }, true)).containsExactly("p");
    }

    @Test
    void splitOtherObjectsByTheirString() {
        assertThat(Shorthand.split(42, true)).containsExactly("42");
        assertThat(Shorthand.split(new StringBuilder("a,b"))).containsExactly("a", "b");
    }

    // --- quick replies ---

    @Test
    void quickReplyLabelOnlyUsesTheLabelAsPayload() {
        assertThat(Shorthand.quickReplies(List.of("Yes"))).containsExactly(QuickReply.text("Yes", "Yes"));
    }

    @Test
    void quickReplyLabelAndPayloadSplitOnTheFirstEquals() {
        assertThat(Shorthand.quickReplies(List.of("Yes = YES_PAYLOAD", "Sum=a=b")))
                .containsExactly(QuickReply.text("Yes", "YES_PAYLOAD"), QuickReply.text("Sum", "a=b"));
    }

    @Test
    void quickReplySpecialContentTypes() {
        assertThat(Shorthand.quickReplies(List.of("user_email", "user_phone_number", "USER_EMAIL")))
                .containsExactly(QuickReply.userEmail(), QuickReply.userPhoneNumber(), QuickReply.userEmail());
    }

    @Test
    void quickReplyIconAfterLabel() {
        assertThat(Shorthand.quickReplies(List.of("Red [https://example.com/red.png]")))
                .containsExactly(QuickReply.text("Red", "Red", "https://example.com/red.png"));
    }

    @Test
    void quickReplyIconBetweenLabelAndPayload() {
        assertThat(Shorthand.quickReplies(List.of("Red [https://example.com/red.png?size=24&x=1]=PICK_RED")))
                .containsExactly(QuickReply.text("Red", "PICK_RED", "https://example.com/red.png?size=24&x=1"));
    }

    @Test
    void quickReplyIconAfterPayload() {
        assertThat(Shorthand.quickReplies(List.of("Red=PICK_RED [http://example.com/red.png]")))
                .containsExactly(QuickReply.text("Red", "PICK_RED", "http://example.com/red.png"));
    }

    @Test
    void quickReplyIconOnlyWithPayloadAndIconWithEmptyPayload() {
        assertThat(Shorthand.quickReplies(List.of("[https://e.com/i.png]=P", "Red [https://e.com/i.png]=")))
                .containsExactly(QuickReply.text(null, "P", "https://e.com/i.png"),
                        QuickReply.text("Red", "", "https://e.com/i.png"));
    }

    @Test
    void quickRepliesFromASplitOption() {
        assertThat(Shorthand.quickReplies(Shorthand.split("Yes,No=NO,user_email", true)))
                .containsExactly(QuickReply.text("Yes", "Yes"), QuickReply.text("No", "NO"), QuickReply.userEmail());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "=x                                      | the label must not be empty",
            "Red [https://e.com/i.png                | '[' without ']'",
            "Red ]https://e.com/i.png                | ']' without '['",
            "Red=PICK [https://e.com/i.png           | '[' without ']'",
            "Red=                                    | the payload after '=' must not be empty",
            "Red [icon.png]                          | must be an http:// or https:// URL",
            "Red [https://e.com/a.png] extra=P       | one [image URL] is allowed",
            "Red [https://e.com/a.png]=P [https://e.com/b.png] | only one [image URL]",
            "[https://e.com/i.png]                   | an icon-only quick reply needs a payload",
            "Red [https://e.com/[a].png]             | one [image URL] is allowed",
    })
    void malformedQuickReplyNamesTheItemAndTheExpectedForm(String item, String reason) {
        MessengerValidationException e = catchThrowableOfType(MessengerValidationException.class,
                () -> Shorthand.quickReplies(List.of("Ok", "Fine", item)));
        assertThat(e).isNotNull();
        assertThat(e.getField()).isEqualTo("quickReplies[2]");
        assertThat(e.getLimit()).startsWith(Shorthand.QUICK_REPLY_FORMS).contains(reason);
        assertThat(e.getMessage()).startsWith("quickReplies[2]: expected Label, Label=payload")
                .endsWith("(was: \"" + item + "\")");
    }

    @Test
    void quickReplyErrorsCanNameTheSourceOption() {
        MessengerValidationException e = catchThrowableOfType(MessengerValidationException.class,
                () -> Shorthand.quickReplies(List.of("=x"), "CamelMessengerQuickReplies"));
        assertThat(e.getField()).isEqualTo("CamelMessengerQuickReplies[0]");
    }

    // --- buttons ---

    @Test
    void buttonUrlValues() {
        assertThat(Shorthand.buttons(List.of("Visit=https://www.messenger.com/a?b=c", "Old = HTTP://example.com")))
                .containsExactly(Button.url("Visit", "https://www.messenger.com/a?b=c"),
                        Button.url("Old", "HTTP://example.com"));
    }

    @Test
    void buttonCallValue() {
        assertThat(Shorthand.buttons(List.of("Call us=phone_number:+15551234567", "Hotline=phone_number: +16505551234")))
                .containsExactly(Button.call("Call us", "+15551234567"), Button.call("Hotline", "+16505551234"));
    }

    @Test
    void buttonAccountLinkHasNoTitle() {
        assertThat(Shorthand.buttons(List.of("Log in=account_link:https://example.com/login")))
                .containsExactly(Button.accountLink("https://example.com/login"));
    }

    @Test
    void buttonAccountUnlinkLabelAlone() {
        assertThat(Shorthand.buttons(List.of("account_unlink"))).containsExactly(Button.accountUnlink());
    }

    @Test
    void buttonPostbackValuesAndLabelOnly() {
        assertThat(Shorthand.buttons(List.of("Start=START", "Help", "Eq=a=b", "Not a url=www.example.com")))
                .containsExactly(Button.postback("Start", "START"), Button.postback("Help", "Help"),
                        Button.postback("Eq", "a=b"), Button.postback("Not a url", "www.example.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "=x                       | the label must not be empty",
            "' = https://e.com'       | the label must not be empty",
            "Start=                   | the value after '=' must not be empty",
            "Call=phone_number:       | phone_number: must be followed by the number",
            "Login=account_link:      | account_link: must be followed by the https log-in URL",
    })
    void malformedButtonNamesTheItemAndTheExpectedForm(String item, String reason) {
        MessengerValidationException e = catchThrowableOfType(MessengerValidationException.class,
                () -> Shorthand.buttons(List.of(item)));
        assertThat(e).isNotNull();
        assertThat(e.getField()).isEqualTo("buttons[0]");
        assertThat(e.getLimit()).startsWith(Shorthand.BUTTON_FORMS).contains(reason);
        assertThat(e.getMessage()).startsWith("buttons[0]: expected Label, Label=payload");
    }

    @Test
    void nullOrEmptyItemListsGiveNoButtonsOrQuickReplies() {
        assertThat(Shorthand.buttons(null)).isEmpty();
        assertThat(Shorthand.quickReplies(List.of())).isEmpty();
    }
}
