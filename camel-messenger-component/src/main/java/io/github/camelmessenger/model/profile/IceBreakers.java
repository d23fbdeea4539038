package io.github.camelmessenger.model.profile;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The ice breakers of one locale.
 *
 * @param locale        {@code default} or a locale
 * @param callToActions up to 4 questions
 */
@JsonPropertyOrder({ "locale", "call_to_actions" })
public record IceBreakers(
        @JsonProperty("locale") String locale,
        @JsonProperty("call_to_actions") List<IceBreaker> callToActions) {

    public IceBreakers {
        Objects.requireNonNull(locale, "locale");
        callToActions = List.copyOf(Objects.requireNonNull(callToActions, "callToActions"));
    }

    /** The ice breakers of the default locale. */
    public static IceBreakers of(IceBreaker... questions) {
        return new IceBreakers(MessengerProfile.DEFAULT_LOCALE, List.of(questions));
    }
}
