package io.github.camelmessenger.model.profile;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The Page's Messenger Profile, the body of {@code messenger:setMessengerProfile}: only the fields set are sent (and
 * changed). Build it with {@link #builder()}:
 *
 * <pre>{@code
 * MessengerProfile.builder()
 *         .getStarted("GET_STARTED")
 *         .greeting(Greeting.of("Hi {{user_first_name}}, ask us anything"))
 *         .persistentMenu(PersistentMenu.of(MenuItem.webUrl("Shop", "https://shop.example.com"),
 *                 MenuItem.postback("Help", "HELP")))
 *         .build();
 * }</pre>
 *
 * @param getStarted         the Get Started button
 * @param greeting           the greetings, one per locale
 * @param persistentMenu     the persistent menus, one per locale
 * @param iceBreakers        the ice breakers, one set per locale
 * @param whitelistedDomains https:// origins allowed in webviews and plugins (up to 50)
 * @param accountLinkingUrl  the account linking URL
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "get_started", "greeting", "persistent_menu", "ice_breakers", "whitelisted_domains",
        "account_linking_url" })
public record MessengerProfile(
        @JsonProperty("get_started") GetStarted getStarted,
        @JsonProperty("greeting") List<Greeting> greeting,
        @JsonProperty("persistent_menu") List<PersistentMenu> persistentMenu,
        @JsonProperty("ice_breakers") List<IceBreakers> iceBreakers,
        @JsonProperty("whitelisted_domains") List<String> whitelistedDomains,
        @JsonProperty("account_linking_url") String accountLinkingUrl) {

    /** The locale every user without a locale of their own gets. */
    public static final String DEFAULT_LOCALE = "default";

    public MessengerProfile {
        greeting = copy(greeting);
        persistentMenu = copy(persistentMenu);
        iceBreakers = copy(iceBreakers);
        whitelistedDomains = copy(whitelistedDomains);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private GetStarted getStarted;
        private final List<Greeting> greeting = new ArrayList<>();
        private final List<PersistentMenu> persistentMenu = new ArrayList<>();
        private final List<IceBreakers> iceBreakers = new ArrayList<>();
        private final List<String> whitelistedDomains = new ArrayList<>();
        private String accountLinkingUrl;

        private Builder() {
        }

        /** The Get Started button with this postback payload. */
        public Builder getStarted(String payload) {
            this.getStarted = new GetStarted(payload);
            return this;
        }

        /** Adds a locale's greeting. */
        public Builder greeting(Greeting greeting) {
            this.greeting.add(greeting);
            return this;
        }

        /** Adds a locale's persistent menu. */
        public Builder persistentMenu(PersistentMenu menu) {
            this.persistentMenu.add(menu);
            return this;
        }

        /** Adds a locale's ice breakers. */
        public Builder iceBreakers(IceBreakers iceBreakers) {
            this.iceBreakers.add(iceBreakers);
            return this;
        }

        public Builder whitelistedDomains(String... domains) {
            this.whitelistedDomains.addAll(List.of(domains));
            return this;
        }

        public Builder accountLinkingUrl(String url) {
            this.accountLinkingUrl = url;
            return this;
        }

        public MessengerProfile build() {
            return new MessengerProfile(getStarted, greeting, persistentMenu, iceBreakers, whitelistedDomains,
                    accountLinkingUrl);
        }
    }
}
