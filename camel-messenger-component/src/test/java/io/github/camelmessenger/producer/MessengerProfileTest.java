package io.github.camelmessenger.producer;

import java.util.List;
import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
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

/** Issue 14: the Messenger Profile from shorthand options and from a Map, read and deleted, through WireMock. */
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
