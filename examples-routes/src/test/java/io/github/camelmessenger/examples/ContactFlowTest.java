package io.github.camelmessenger.examples;

import java.time.Duration;
import java.util.Map;

import io.github.camelmessenger.sandbox.junit.TestUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow 3: e-mail and phone with the pre-filled quick replies, kept with camel-sql and as OTN contact attributes. */
class ContactFlowTest extends FlowTestSupport {

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void keepsTheSharedAddressAndNumber(Dsl dsl) {
        start(dsl);
        collectsBoth(app, greeted("alice"));
    }

    /** The whole flow, with a wrong answer first and a typed number; shared with the PostgreSQL test. */
    static void collectsBoth(ExampleApp app, TestUser alice) {
        String email = alice.user().email();
        alice.tapsQuickReply("Share contact");
        alice.receives().hasText("May I have your e-mail address? Tap it below, or type it.")
                .hasQuickReplies("user_email", "Not now");
        alice.says("tomorrow maybe");
        alice.receives().hasText("That does not look like an e-mail address. Tap it below, or type it.");
        alice.sharesEmail();
        alice.receives().hasText("Thanks, we will write to " + email + ". And your phone number, for a text now "
                                 + "and then?").hasQuickReplies("user_phone_number", "Not now");
        alice.says("+1 (555) 010-9999");
        alice.receives().hasText("Thanks! We have your number +15550109999.").hasQuickReplies(MENU);

        assertThat(app.query("SELECT email, phone FROM example_contact WHERE psid = ?", alice.psid()))
                .singleElement().satisfies(row -> assertThat(lower(row))
                        .containsEntry("email", email).containsEntry("phone", "+15550109999"));
        assertThat(app.otnStore().attributes(sandbox.sandbox().settings().pageId(), alice.psid()))
                .containsEntry("email", email).containsEntry("phone", "+15550109999");
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void remindsAUserWhoDoesNotAnswer(Dsl dsl) {
        start(dsl, Map.of("example.wait-timeout", "PT10M"));
        TestUser alice = greeted("alice");
        alice.tapsQuickReply("Share contact");
        alice.receives().hasText("May I have your e-mail address? Tap it below, or type it.");

        sandbox.advanceClock(Duration.ofMinutes(11));

        alice.receives().hasText("Still there? Tap Share contact whenever you like.")
                .hasQuickReplies("Share contact", "Offers", "Products");
    }

    static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> out = new java.util.HashMap<>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return out;
    }
}
