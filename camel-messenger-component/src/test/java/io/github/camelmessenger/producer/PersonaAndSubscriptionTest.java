package io.github.camelmessenger.producer;

import java.util.Map;

import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.profile.Persona;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: personas and the Page's webhook subscription, through WireMock playing the Graph API. */
class PersonaAndSubscriptionTest extends GraphApiTestSupport {

    @Test
    void createPersonaFromOptionsPutsTheNewIdInAHeaderThenASendUsesIt() {
        graph.stubFor(post(urlPathEqualTo("/v25.0/me/personas")).willReturn(okJson("{\"id\":\"2087154934873455\"}")));

        Exchange created = send("messenger:createPersona?personaPictureUrl=https://example.com/eve.png", "Eve");

        assertThat(created.getException()).isNull();
        assertThat(created.getMessage().getHeader("CamelMessengerPersonaId")).isEqualTo("2087154934873455");
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/me/personas")).withRequestBody(
                equalToJson("{\"name\":\"Eve\",\"profile_picture_url\":\"https://example.com/eve.png\"}")));

        Exchange sent = send("messenger:sendMessage", "Hi, Eve here",
                Map.of("CamelMessengerPersonaId", "2087154934873455"));
        assertThat(sent.getException()).isNull();
        graph.verify(postRequestedFor(urlPathMatching("/v25.0/me/messages"))
                .withRequestBody(equalToJson("{\"persona_id\":\"2087154934873455\"}", true, true)));
    }

    @Test
    void createPersonaFromAMapBody() {
        graph.stubFor(post(urlPathEqualTo("/v25.0/me/personas")).willReturn(okJson("{\"id\":\"42\"}")));

        Exchange created = send("messenger:createPersona",
                Map.of("name", "Sam", "profile_picture_url", "https://example.com/sam.png"));

        assertThat(created.getMessage().getHeader("CamelMessengerPersonaId")).isEqualTo("42");
    }

    @Test
    void createPersonaFromTheTypedModel() {
        graph.stubFor(post(urlPathEqualTo("/v25.0/me/personas")).willReturn(okJson("{\"id\":\"43\"}")));

        Exchange created = send("messenger:createPersona", Persona.of("Ana", "https://example.com/ana.png"));

        assertThat(created.getMessage().getHeader("CamelMessengerPersonaId")).isEqualTo("43");
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/me/personas")).withRequestBody(
                equalToJson("{\"name\":\"Ana\",\"profile_picture_url\":\"https://example.com/ana.png\"}")));
        assertThat(send("messenger:createPersona", Persona.of("Ana", "ftp://example.com/ana.png")).getException())
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("profile_picture_url");
    }

    @Test
    void aPersonaWithoutNameOrWithABadPictureIsRefusedBeforeAnyCall() {
        assertThat(send("messenger:createPersona?personaPictureUrl=https://example.com/x.png", "").getException())
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("name");
        assertThat(send("messenger:createPersona?personaPictureUrl=ftp://example.com/x.png", "Eve").getException())
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("profile_picture_url");
        assertNoRequest();
    }

    @Test
    void getListAndDeletePersonas() {
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v25.0/me/personas"))
                .willReturn(okJson("{\"data\":[{\"id\":\"42\",\"name\":\"Sam\"}]}")));
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v25.0/42"))
                .willReturn(okJson("{\"id\":\"42\",\"name\":\"Sam\"}")));
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/v25.0/42"))
                .willReturn(okJson("{\"success\":true}")));

        assertThat(send("messenger:listPersonas", null).getMessage().getBody(String.class)).contains("Sam");
        assertThat(send("messenger:getPersona?personaId=42", null).getMessage().getBody(String.class))
                .contains("\"name\":\"Sam\"");
        assertThat(send("messenger:deletePersona", null, Map.of("CamelMessengerPersonaId", "42")).getException())
                .isNull();
        graph.verify(getRequestedFor(urlPathEqualTo("/v25.0/me/personas")));
        graph.verify(deleteRequestedFor(urlPathEqualTo("/v25.0/42")));
        assertThat(send("messenger:deletePersona", null).getException())
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("personaId");
    }

    @Test
    void subscribeAndUnsubscribeThePagesWebhookFields() {
        graph.stubFor(post(urlPathEqualTo("/v25.0/1000/subscribed_apps")).willReturn(okJson("{\"success\":true}")));
        graph.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/v25.0/1000/subscribed_apps"))
                .willReturn(okJson("{\"success\":true}")));

        assertThat(send("messenger:subscribeApp?pageId=1000&subscribedFields=messages,messaging_postbacks,feed", null)
                .getException()).isNull();
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/1000/subscribed_apps"))
                .withQueryParam("subscribed_fields", equalTo("messages,messaging_postbacks,feed")));
        assertThat(send("messenger:unsubscribeApp?pageId=1000", null).getException()).isNull();
        graph.verify(deleteRequestedFor(urlPathEqualTo("/v25.0/1000/subscribed_apps")));

        assertThat(send("messenger:subscribeApp?pageId=1000&subscribedFields=messages,emails", null).getException())
                .isInstanceOf(MessengerValidationException.class).hasMessageContaining("emails");
    }

    @Test
    void subscribeAppTakesItsFieldsFromAMapOrAListBody() {
        graph.stubFor(post(urlPathEqualTo("/v25.0/1000/subscribed_apps")).willReturn(okJson("{\"success\":true}")));

        assertThat(send("messenger:subscribeApp?pageId=1000", Map.of("subscribed_fields",
                java.util.List.of("messages", "feed"))).getException()).isNull();
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/1000/subscribed_apps"))
                .withQueryParam("subscribed_fields", equalTo("messages,feed")));

        graph.resetRequests();
        assertThat(send("messenger:subscribeApp?pageId=1000&subscribedFields=messages",
                java.util.List.of("messaging_postbacks", "standby")).getException()).isNull();
        graph.verify(postRequestedFor(urlPathEqualTo("/v25.0/1000/subscribed_apps"))
                .withQueryParam("subscribed_fields", equalTo("messaging_postbacks,standby")));

        assertThat(send("messenger:subscribeApp?pageId=1000", "{\"subscribed_fields\":\"messages,emails\"}")
                .getException()).isInstanceOf(MessengerValidationException.class).hasMessageContaining("emails");
    }
}
