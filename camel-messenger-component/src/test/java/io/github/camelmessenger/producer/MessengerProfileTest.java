package io.github.camelmessenger.producer;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.profile.Greeting;
import io.github.camelmessenger.model.profile.IceBreaker;
import io.github.camelmessenger.model.profile.IceBreakers;
import io.github.camelmessenger.model.profile.MenuItem;
import io.github.camelmessenger.model.profile.MessengerProfile;
import io.github.camelmessenger.model.profile.PersistentMenu;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: the Messenger Profile from shorthand options, from a Map and from the typed model, read and deleted, through
 * WireMock.
 */
class MessengerProfileTest extends GraphApiTestSupport {

    private static final String PROFILE = "/v25.0/me/messenger_profile";

    @Test
    void theShorthandBuildsTheProfile() {
        graph.stubFor(post(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"result\":\"success\"}")));

        Exchange out = send("messenger:setMessengerProfile?getStarted=GET_STARTED&greeting=Hi there!"
                            + "&persistentMenu=Shop=https://shop.example.com,Help=HELP&iceBreakers=Opening hours?=HOURS"
                            + "&whitelistedDomains=https://shop.example.com", null);

        assertThat(out.getException()).isNull();
        graph.verify(postRequestedFor(urlPathEqualTo(PROFILE)).withRequestBody(equalToJson("""
                {"get_started":{"payload":"GET_STARTED"},
                 "greeting":[{"locale":"default","text":"Hi there!"}],
                 "persistent_menu":[{"locale":"default","composer_input_disabled":false,"call_to_actions":[
                    {"type":"web_url","title":"Shop","url":"https://shop.example.com"},
                    {"type":"postback","title":"Help","payload":"HELP"}]}],
                 "ice_breakers":[{"call_to_actions":[{"question":"Opening hours?","payload":"HOURS"}],"locale":"default"}],
                 "whitelisted_domains":["https://shop.example.com"]}""")));
    }

    @Test
    void aMapBodyGoesAsItIsAfterItsChecks() {
        graph.stubFor(post(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"result\":\"success\"}")));

        Exchange out = send("messenger:setMessengerProfile", Map.of("greeting",
                List.of(Map.of("locale", "default", "text", "Hello {{user_first_name}}"),
                        Map.of("locale", "fr_FR", "text", "Bonjour"))));

        assertThat(out.getException()).isNull();
        graph.verify(postRequestedFor(urlPathEqualTo(PROFILE)).withRequestBody(equalToJson(
                "{\"greeting\":[{\"locale\":\"default\",\"text\":\"Hello {{user_first_name}}\"},{\"locale\":\"fr_FR\",\"text\":\"Bonjour\"}]}")));
    }

    @Test
    void theTypedModelSendsTheSameJsonAsTheShorthandAndTheMap() {
        graph.stubFor(post(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"result\":\"success\"}")));

        MessengerProfile profile = MessengerProfile.builder()
                .getStarted("GET_STARTED")
                .greeting(Greeting.of("Hi there!"))
                .persistentMenu(PersistentMenu.of(MenuItem.webUrl("Shop", "https://shop.example.com"),
                        MenuItem.postback("Help", "HELP")))
                .iceBreakers(IceBreakers.of(new IceBreaker("Opening hours?", "HOURS")))
                .whitelistedDomains("https://shop.example.com")
                .build();
        Exchange typed = send("messenger:setMessengerProfile", profile);
        Exchange shorthand = send("messenger:setMessengerProfile?getStarted=GET_STARTED&greeting=Hi there!"
                                  + "&persistentMenu=Shop=https://shop.example.com,Help=HELP"
                                  + "&iceBreakers=Opening hours?=HOURS&whitelistedDomains=https://shop.example.com", null);

        assertThat(typed.getException()).isNull();
        assertThat(shorthand.getException()).isNull();
        List<String> bodies = graph.findAll(postRequestedFor(urlPathEqualTo(PROFILE))).stream()
                .map(r -> r.getBodyAsString()).toList();
        assertThat(bodies).hasSize(2);
        assertThat(json(bodies.get(0))).isEqualTo(json(bodies.get(1)));
    }

    @Test
    void theTypedModelHoldsSeveralLocalesAndIsCheckedLikeAMap() {
        graph.stubFor(post(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"result\":\"success\"}")));

        Exchange out = send("messenger:setMessengerProfile", MessengerProfile.builder()
                .greeting(Greeting.of("Hello {{user_first_name}}"))
                .greeting(new Greeting("fr_FR", "Bonjour {{user_first_name}}"))
                .persistentMenu(PersistentMenu.of(MenuItem.postback("Talk to us", "AGENT"))
                        .withComposerInputDisabled(true))
                .persistentMenu(PersistentMenu.of(MenuItem.postback("Parler", "AGENT")).withLocale("fr_FR"))
                .build());

        assertThat(out.getException()).isNull();
        graph.verify(postRequestedFor(urlPathEqualTo(PROFILE)).withRequestBody(equalToJson("""
                {"greeting":[{"locale":"default","text":"Hello {{user_first_name}}"},
                             {"locale":"fr_FR","text":"Bonjour {{user_first_name}}"}],
                 "persistent_menu":[
                    {"locale":"default","composer_input_disabled":true,
                     "call_to_actions":[{"type":"postback","title":"Talk to us","payload":"AGENT"}]},
                    {"locale":"fr_FR","composer_input_disabled":false,
                     "call_to_actions":[{"type":"postback","title":"Parler","payload":"AGENT"}]}]}""")));

        Exchange tooLong = send("messenger:setMessengerProfile", MessengerProfile.builder()
                .greeting(new Greeting("fr_FR", "é".repeat(161))).build());
        assertThat(tooLong.getException()).isInstanceOfSatisfying(MessengerValidationException.class,
                e -> assertThat(e.getField()).isEqualTo("greeting[0].text"));
        graph.verify(1, postRequestedFor(urlPathEqualTo(PROFILE)));
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void limitsAreCheckedBeforeAnyCall() {
        assertThat(send("messenger:setMessengerProfile?greeting=" + "x".repeat(161), null).getException())
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("greeting[0].text")
                .hasMessageContaining("160");
        assertThat(send("messenger:setMessengerProfile?iceBreakers=A=1,B=2,C=3,D=4,E=5", null).getException())
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("ice_breakers");
        assertThat(send("messenger:setMessengerProfile?whitelistedDomains=http://plain.example.com", null)
                .getException()).isInstanceOf(MessengerValidationException.class).hasMessageContaining("https");
        assertThat(send("messenger:setMessengerProfile", null).getException())
                .isInstanceOf(MessengerValidationException.class);
        assertNoRequest();
    }

    @Test
    void getAndDeleteNameTheirFields() {
        graph.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"data\":[{\"get_started\":{\"payload\":\"GO\"}}]}")));
        graph.stubFor(delete(urlPathEqualTo(PROFILE)).willReturn(okJson("{\"result\":\"success\"}")));

        Exchange got = send("messenger:getMessengerProfile?profileFields=get_started", null);
        assertThat(got.getMessage().getBody(String.class)).contains("GO");
        graph.verify(getRequestedFor(urlPathEqualTo(PROFILE)).withQueryParam("fields", equalTo("get_started")));

        assertThat(send("messenger:deleteMessengerProfile?profileFields=get_started,greeting", null).getException())
                .isNull();
        graph.verify(deleteRequestedFor(urlPathEqualTo(PROFILE))
                .withQueryParam("fields", equalTo("[\"get_started\",\"greeting\"]")));
        assertThat(send("messenger:deleteMessengerProfile", null).getException())
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("profileFields");
    }
}
