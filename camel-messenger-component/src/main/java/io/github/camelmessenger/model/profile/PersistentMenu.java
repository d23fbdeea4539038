package io.github.camelmessenger.model.profile;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The persistent menu of one locale.
 *
 * @param locale                {@code default} or a locale such as {@code fr_FR}
 * @param composerInputDisabled true: the user can only tap the menu and buttons, not type
 * @param callToActions         up to 20 items
 */
@JsonPropertyOrder({ "locale", "composer_input_disabled", "call_to_actions" })
public record PersistentMenu(
        @JsonProperty("locale") String locale,
        @JsonProperty("composer_input_disabled") boolean composerInputDisabled,
        @JsonProperty("call_to_actions") List<MenuItem> callToActions) {

    public PersistentMenu {
        Objects.requireNonNull(locale, "locale");
        callToActions = List.copyOf(Objects.requireNonNull(callToActions, "callToActions"));
    }

    /** The menu of the default locale, the composer left enabled. */
    public static PersistentMenu of(MenuItem... items) {
        return new PersistentMenu(MessengerProfile.DEFAULT_LOCALE, false, List.of(items));
    }

    public PersistentMenu withLocale(String locale) {
        return new PersistentMenu(locale, composerInputDisabled, callToActions);
    }

    public PersistentMenu withComposerInputDisabled(boolean disabled) {
        return new PersistentMenu(locale, disabled, callToActions);
    }
}
