package io.github.camelmessenger.internal.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelmessenger.MessengerValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** JSON builders (single quotes allowed, to keep the cases readable) and assertions for the validator tests. */
final class ValidationSupport {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private ValidationSupport() {
    }

    static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }

    /** A RESPONSE request to PSID 1 carrying the given message object. */
    static JsonNode request(String messageJson) {
        return json("{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':" + messageJson + "}");
    }

    /** A request whose message has one template attachment with the given payload. */
    static JsonNode template(String payloadJson) {
        return request("{'attachment':{'type':'template','payload':" + payloadJson + "}}");
    }

    /** A button template holding the given buttons. */
    static JsonNode buttonTemplateWith(String buttonsJson) {
        return template("{'template_type':'button','text':'Pick','buttons':" + buttonsJson + "}");
    }

    static String times(int n, String itemJson) {
        return "[" + String.join(",", Collections.nCopies(n, itemJson)) + "]";
    }

    static String quote(String s) {
        return "'" + s + "'";
    }

    static String chars(int n) {
        return "a".repeat(n);
    }

    static String postbacks(int n) {
        List<String> buttons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            buttons.add("{'type':'postback','title':'B" + i + "','payload':'P" + i + "'}");
        }
        return "[" + String.join(",", buttons) + "]";
    }

    static void assertValid(JsonNode request) {
        assertThatCode(() -> SendApiValidator.validate(request)).as(request.toString()).doesNotThrowAnyException();
    }

    static MessengerValidationException assertInvalid(JsonNode request, String field, String limitFragment) {
        MessengerValidationException e = catchThrowableOfType(MessengerValidationException.class,
                () -> SendApiValidator.validate(request));
        assertThat(e).as("expected a violation of %s in %s", field, request).isNotNull();
        assertThat(e.getField()).as(e.getMessage()).isEqualTo(field);
        assertThat(e.getLimit()).as(e.getMessage()).contains(limitFragment);
        assertThat(e.getMessage()).startsWith(field + ": ");
        return e;
    }
}
