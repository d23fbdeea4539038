package io.github.camelmessenger.internal.graph;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one reader of Graph API answers: the ids and the thread owner, or nothing from what is not a whole object. */
class GraphResponseTest {

    private static GraphResponse read(String json) {
        return new GraphResponse(200, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheIdsOfASendApiAnswer() {
        GraphResponse answer = read("{\"recipient_id\":\"123\",\"message_id\":\"m_AG5Hz2U\"}");
        assertThat(answer.messageId()).isEqualTo("m_AG5Hz2U");
        assertThat(answer.recipientId()).isEqualTo("123");
        assertThat(answer.attachmentId()).isNull();

        assertThat(read(" { \"attachment_id\" : 1857777774821032 } ").attachmentId()).isEqualTo("1857777774821032");
        GraphResponse odd = read("{\"message_id\":null,\"other\":{\"message_id\":\"x\"},\"n\":-1.5e3}");
        assertThat(odd.messageId()).isNull();
        assertThat(read("{\"message_id\":\"a\\\"b\\u00e9\"}").messageId()).isEqualTo("a\"b\u00e9");
    }

    @Test
    void readsTheThreadOwner() {
        GraphResponse owner = read("{\"data\":[{\"thread_owner\":{\"app_id\":263902037430900,\"expiration\":1760000000}},"
                                   + "{\"thread_owner\":{\"app_id\":\"second\"}}],\"paging\":{}}");
        assertThat(owner.threadOwnerAppId()).isEqualTo("263902037430900");
        assertThat(owner.threadControlExpiration()).isEqualTo(1760000000L);

        GraphResponse idle = read("{\"data\":[]}");
        assertThat(idle.threadOwnerAppId()).isNull();
        assertThat(idle.threadControlExpiration()).isNull();
        assertThat(read("{\"data\":[[1],{\"thread_owner\":{\"app_id\":\"x\"}}]}").threadOwnerAppId()).isNull();
        assertThat(read("{\"data\":{\"thread_owner\":{\"app_id\":\"x\"}}}").threadOwnerAppId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "[1]", "not json", "{\"message_id\":\"x\"", "{\"message_id\":\"x\"} trailing",
            "{\"message_id\" \"x\"}", "", "{\"message_id\":\"x\",\"data\":[{\"thread_owner\":{\"app_id\":\"y\"}" })
    void takesNothingFromWhatIsNotAWholeObject(String json) {
        GraphResponse answer = read(json);
        assertThat(answer.messageId()).isNull();
        assertThat(answer.threadOwnerAppId()).isNull();
        assertThat(answer.bodyAsString()).isEqualTo(json);
    }
}
