package io.github.camelmessenger.internal.validation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.camelmessenger.internal.validation.ValidationSupport.assertInvalid;
import static io.github.camelmessenger.internal.validation.ValidationSupport.assertValid;
import static io.github.camelmessenger.internal.validation.ValidationSupport.buttonTemplateWith;
import static io.github.camelmessenger.internal.validation.ValidationSupport.chars;
import static io.github.camelmessenger.internal.validation.ValidationSupport.quote;

/** Button rules, exercised through a button template (the same checks run for generic and media elements). */
class ButtonRulesTest {

    private static final String B = "message.attachment.payload.buttons[1]";

    /** A valid first button, then the one under test: proves the error names the right index. */
    private static JsonNode second(String buttonJson) {
        return buttonTemplateWith("[{'type':'postback','title':'OK','payload':'OK'}," + buttonJson + "]");
    }

    @Test
    void buttonMustBeAnObjectWithAKnownType() {
        assertInvalid(second("'postback'"), B, "must be a JSON object");
        assertInvalid(second("{'title':'x','payload':'y'}"), B + ".type", "is required");
        assertInvalid(second("{'type':'element_share'}"), B + ".type",
                "must be one of web_url, postback, phone_number, account_link, account_unlink, game_play, audio_call");
    }

    @Test
    void gamePlayAndAudioCallPassWithoutDeepChecks() {
        assertValid(second("{'type':'game_play','title':'Play','game_metadata':{'player_id':'1'}}"));
        assertValid(second("{'type':'audio_call','title':'Call','expires_in_days':7}"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{'type':'web_url','url':'https://e.com','title':%s}",
            "{'type':'postback','payload':'p','title':%s}", "{'type':'phone_number','payload':'+16505551234','title':%s}" })
    void titleRequiredAtMost20(String template) {
        assertValid(second(template.formatted(quote(chars(20)))));
        assertInvalid(second(template.formatted(quote(chars(21)))), B + ".title", "at most 20 characters");
        assertInvalid(second(template.formatted("''")), B + ".title", "must not be empty");
        assertInvalid(second(template.replace(",'title':%s", "")), B + ".title", "is required");
    }

    @Test
    void webUrlNeedsAValidHttpUrl() {
        assertValid(second("{'type':'web_url','title':'Go','url':'http://e.com/a?b=c'}"));
        assertInvalid(second("{'type':'web_url','title':'Go'}"), B + ".url", "is required");
        assertInvalid(second("{'type':'web_url','title':'Go','url':'e.com'}"), B + ".url",
                "must be an http:// or https:// URL");
        assertInvalid(second("{'type':'web_url','title':'Go','url':'https://e.com/a b'}"), B + ".url",
                "must be an http:// or https:// URL");
        assertInvalid(second("{'type':'web_url','title':'Go','url':'javascript:alert(1)'}"), B + ".url",
                "must be an http:// or https:// URL");
    }

    @Test
    void messengerExtensionsNeedHttps() {
        assertValid(second("{'type':'web_url','title':'Go','url':'https://e.com','messenger_extensions':true}"));
        assertValid(second("{'type':'web_url','title':'Go','url':'http://e.com','messenger_extensions':false}"));
        assertInvalid(second("{'type':'web_url','title':'Go','url':'http://e.com','messenger_extensions':true}"),
                B + ".url", "must be an https:// URL when messenger_extensions is true");
    }

    @Test
    void fallbackUrlOnlyWithMessengerExtensions() {
        assertValid(second("{'type':'web_url','title':'Go','url':'https://e.com','messenger_extensions':true,"
                           + "'fallback_url':'https://e.com/f'}"));
        assertInvalid(second("{'type':'web_url','title':'Go','url':'https://e.com','fallback_url':'https://e.com/f'}"),
                B + ".fallback_url", "only allowed when messenger_extensions is true");
        assertInvalid(second("{'type':'web_url','title':'Go','url':'https://e.com','messenger_extensions':true,"
                             + "'fallback_url':'f.html'}"),
                B + ".fallback_url", "must be an http:// or https:// URL");
    }

    @ParameterizedTest
    @ValueSource(strings = { "compact", "tall", "full" })
    void webviewHeightRatios(String ratio) {
        assertValid(second("{'type':'web_url','title':'Go','url':'https://e.com','webview_height_ratio':'" + ratio
                           + "'}"));
    }

    @Test
    void unknownWebviewHeightRatioFails() {
        assertInvalid(second("{'type':'web_url','title':'Go','url':'https://e.com','webview_height_ratio':'half'}"),
                B + ".webview_height_ratio", "must be one of compact, tall, full");
    }

    @Test
    void postbackPayloadRequiredAtMost1000() {
        assertValid(second("{'type':'postback','title':'Go','payload':" + quote(chars(1000)) + "}"));
        assertInvalid(second("{'type':'postback','title':'Go','payload':" + quote(chars(1001)) + "}"),
                B + ".payload", "at most 1000 characters");
        assertInvalid(second("{'type':'postback','title':'Go'}"), B + ".payload", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "+16505551234", "+1234567", "+442071234567", "+123456789012345" })
    void phoneNumbersWithCountryCodePass(String number) {
        assertValid(second("{'type':'phone_number','title':'Call','payload':'" + number + "'}"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "16505551234", "+0123456789", "+1 650 555 1234", "+1(650)5551234", "+123456",
            "+1234567890123456", "" })
    void malformedPhoneNumbersFail(String number) {
        assertInvalid(second("{'type':'phone_number','title':'Call','payload':'" + number + "'}"), B + ".payload",
                "must be \"+\", the country code and the number without spaces, e.g. +16505551234");
    }

    @Test
    void accountLinkNeedsHttpsAndNoTitle() {
        assertValid(second("{'type':'account_link','url':'https://e.com/login'}"));
        assertInvalid(second("{'type':'account_link','url':'http://e.com/login'}"), B + ".url",
                "must be an https:// URL");
        assertInvalid(second("{'type':'account_link'}"), B + ".url", "is required");
    }

    @Test
    void accountUnlinkIsJustItsType() {
        assertValid(second("{'type':'account_unlink'}"));
    }
}
