package io.github.camelmessenger.internal.send;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlatAnswerTest {

    private static String[] read(String json) {
        return FlatAnswer.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheIdsOfAFlatAnswer() {
        assertThat(read("{\"recipient_id\":\"123\",\"message_id\":\"m_AG5Hz2U\"}"))
                .containsExactly("m_AG5Hz2U", null, "123");
        assertThat(read(" { \"attachment_id\" : 1857777774821032 } ")).containsExactly(null, "1857777774821032", null);
        assertThat(read("{\"message_id\":null,\"other\":true,\"n\":-1.5e3}")).containsExactly(null, null, null);
        assertThat(read("{}")).containsExactly(null, null, null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"message_id\":\"a\\\"b\"}", "{\"data\":[]}", "{\"a\":{\"message_id\":\"x\"}}",
            "[1]", "not json", "{\"message_id\":\"x\"", "{\"message_id\":\"x\"} trailing", "{\"message_id\" \"x\"}",
            "{\"message_id\":\"x\",}", "", "{\"message_id\":\"line\nbreak\"}" })
    void refusesWhatIsNotAFlatObjectOfPlainScalars(String json) {
        assertThat(read(json)).isNull();
    }
}
