package io.github.camelmessenger.producer;

import java.util.Map;

import io.github.camelmessenger.MessengerProfileUnavailableException;
import io.github.camelmessenger.MessengerValidationException;
import io.github.camelmessenger.model.UserProfile;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14: getUserProfile through WireMock: headers, typed body, the cache per Page and user, a restricted profile. */
class UserProfileTest extends GraphApiTestSupport {

    private static final String PROFILE = "{\"first_name\":\"Peter\",\"last_name\":\"Chang\","
                                          + "\"profile_pic\":\"https://cdn.example.com/p.jpg\",\"locale\":\"en_US\","
                                          + "\"timezone\":-7,\"id\":\"" + PSID + "\"}";

    @Test
    void theProfileBecomesHeadersAndATypedBodyAndIsReadOnceWithinItsTtl() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + PSID)).willReturn(okJson(PROFILE)));

        Exchange first = send("messenger:getUserProfile?fields=first_name,last_name,profile_pic,locale,timezone", null);
        Exchange second = send("messenger:getUserProfile?fields=first_name,last_name,profile_pic,locale,timezone", null);

        for (Exchange out : new Exchange[] { first, second }) {
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader("CamelMessengerUserFirstName")).isEqualTo("Peter");
            assertThat(out.getMessage().getHeader("CamelMessengerUserLastName")).isEqualTo("Chang");
            assertThat(out.getMessage().getHeader("CamelMessengerUserLocale")).isEqualTo("en_US");
            assertThat(out.getMessage().getHeader("CamelMessengerUserTimezone")).isEqualTo(-7.0);
            assertThat(out.getMessage().getHeader("CamelMessengerUserProfilePic")).isEqualTo("https://cdn.example.com/p.jpg");
            assertThat(out.getMessage().getBody(UserProfile.class).firstName()).isEqualTo("Peter");
        }
        graph.verify(1, getRequestedFor(urlPathEqualTo("/v25.0/" + PSID))
                .withQueryParam("fields", equalTo("first_name,last_name,profile_pic,locale,timezone")));
    }

    @Test
    void withoutACacheEveryExchangeReadsTheProfile() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + PSID)).willReturn(okJson(PROFILE)));

        send("messenger:getUserProfile?userProfileCacheTtl=0", null);
        send("messenger:getUserProfile?userProfileCacheTtl=0", null);

        graph.verify(2, getRequestedFor(urlPathEqualTo("/v25.0/" + PSID)));
    }

    @Test
    void aRestrictedProfileIsATypedErrorNotAnEmptyOne() {
        graph.stubFor(get(urlPathEqualTo("/v25.0/" + PSID)).willReturn(okJson("{\"id\":\"" + PSID + "\"}")));

        Exchange out = send("messenger:getUserProfile?userProfileCacheTtl=0", null);

        assertThat(out.getException()).isInstanceOf(MessengerProfileUnavailableException.class)
                .hasMessageContaining(PSID);
    }

    @Test
    void unknownFieldsAreRefusedBeforeAnyCall() {
        Exchange out = send("messenger:getUserProfile?fields=first_name,email", null, Map.of());

        assertThat(out.getException()).isInstanceOf(MessengerValidationException.class).hasMessageContaining("email");
        assertNoRequest();
    }
}
