package io.github.camelmessenger.internal.graph;

import java.nio.charset.StandardCharsets;

import io.github.camelmessenger.MessengerApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class GraphErrorsTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesTheWholeErrorObject() {
        MessengerApiException e = GraphErrors.fromResponse(400, utf8(
                "{\"error\":{\"message\":\"(#10) Message sent outside of allowed window.\",\"type\":\"OAuthException\","
                + "\"code\":10,\"error_subcode\":2018278,\"error_user_title\":\"t\",\"error_user_msg\":\"u\","
                + "\"fbtrace_id\":\"AbCdEf123\"}}"));

        assertThat(e.getHttpStatus()).isEqualTo(400);
        assertThat(e.getCode()).isEqualTo(10);
        assertThat(e.getSubcode()).isEqualTo(2018278);
        assertThat(e.getType()).isEqualTo("OAuthException");
        assertThat(e.getFbtraceId()).isEqualTo("AbCdEf123");
        assertThat(e.getErrorMessage()).isEqualTo("(#10) Message sent outside of allowed window.");
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.isRateLimited()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 400", "code 10", "subcode 2018278", "AbCdEf123",
                "outside of allowed window");
    }

    @Test
    void missingFieldsAreZeroOrNull() {
        MessengerApiException e = GraphErrors.fromResponse(500, utf8("{\"error\":{\"code\":1200}}"));

        assertThat(e.getCode()).isEqualTo(1200);
        assertThat(e.getSubcode()).isZero();
        assertThat(e.getType()).isNull();
        assertThat(e.getFbtraceId()).isNull();
        assertThat(e.getErrorMessage()).isEqualTo("HTTP 500 Internal Server Error");
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void numericFieldsSentAsStringsAreRead() {
        MessengerApiException e = GraphErrors.fromResponse(400,
                utf8("{\"error\":{\"message\":\"m\",\"code\":\"613\",\"error_subcode\":\"2534040\"}}"));

        assertThat(e.getCode()).isEqualTo(613);
        assertThat(e.getSubcode()).isEqualTo(2534040);
        assertThat(e.isRateLimited()).isTrue();
        assertThat(e.isRetryable()).isTrue();
    }

    @ParameterizedTest(name = "HTTP {0} body [{1}]")
    @CsvSource(delimiter = '|', value = {
        "502 | <html><body>Bad gateway</body></html> | HTTP 502 Bad Gateway | true",
        "503 | ''                                    | HTTP 503 Service Unavailable | true",
        "500 | {\"foo\":1}                          | HTTP 500 Internal Server Error | true",
        "404 | not json                              | HTTP 404 Not Found | false",
        "418 | {\"error\":null}                     | HTTP 418 | false",
        "400 | [1,2]                                 | HTTP 400 Bad Request | false" })
    void bodyWithoutErrorObjectStillBecomesAnException(int status, String body, String message, boolean retryable) {
        MessengerApiException e = GraphErrors.fromResponse(status, utf8(body));

        assertThat(e.getHttpStatus()).isEqualTo(status);
        assertThat(e.getCode()).isZero();
        assertThat(e.getErrorMessage()).isEqualTo(message);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.isRateLimited()).isFalse();
    }

    @Test
    void nullBodyAndOauthStringError() {
        assertThat(GraphErrors.fromResponse(504, null).isRetryable()).isTrue();
        MessengerApiException oauth = GraphErrors.fromResponse(401,
                utf8("{\"error\":\"invalid_token\",\"error_description\":\"x\"}"));
        assertThat(oauth.getErrorMessage()).isEqualTo("invalid_token");
        assertThat(oauth.isRetryable()).isFalse();
    }

    @Test
    void http429WithoutCodeIsARateLimit() {
        MessengerApiException e = GraphErrors.fromResponse(429, new byte[0]);
        assertThat(e.isRateLimited()).isTrue();
        assertThat(e.isRetryable()).isTrue();
    }

    /** messenger-platform.md §9.2, one row per case. */
    @ParameterizedTest(name = "{0}/{1} (HTTP {2}): retryable={3} rateLimited={4}")
    @CsvSource({
        // transient
        "1200, 0,       500, true,  false",
        "2,    0,       500, true,  false",
        "2,    2018344, 400, false, false",
        // rate limits
        "4,    0,       400, true,  true",
        "4,    2018022, 400, true,  true",
        "4,    2018354, 400, false, true",
        "17,   0,       400, true,  true",
        "32,   0,       400, true,  true",
        "341,  0,       400, true,  true",
        "613,  0,       400, true,  true",
        "613,  2534040, 400, true,  true",
        "613,  2018338, 400, false, true",
        "613,  1893016, 400, false, false",
        // permanent
        "1,    0,       500, false, false",
        "1,    1357046, 500, false, false",
        "9,    2018352, 400, false, false",
        "10,   0,       403, false, false",
        "10,   2018278, 400, false, false",
        "10,   2534022, 400, false, false",
        "10,   2018108, 400, false, false",
        "10,   1893063, 400, false, false",
        "100,  0,       400, false, false",
        "100,  2018001, 400, false, false",
        "100,  2018008, 400, false, false",
        "100,  2018294, 400, false, false",
        "190,  460,     400, false, false",
        "200,  1545041, 400, false, false",
        "551,  0,       400, false, false",
        "551,  1545041, 400, false, false",
        "368,  0,       400, false, false",
        "2018300, 0,    400, false, false",
        "10303, 0,      400, false, false",
        "9000001, 0,    400, false, false",
        // an error code on a 5xx is judged by the code, not the status
        "100,  0,       500, false, false" })
    void classifiesLikeThePlatformTable(int code, int subcode, int status, boolean retryable, boolean rateLimited) {
        MessengerApiException e = GraphErrors.fromResponse(status, utf8("{\"error\":{\"message\":\"m\",\"code\":"
                                                                         + code + ",\"error_subcode\":" + subcode + "}}"));

        assertThat(e.getCode()).isEqualTo(code);
        assertThat(e.getSubcode()).isEqualTo(subcode);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.isRateLimited()).isEqualTo(rateLimited);
        assertThat(GraphErrors.isRetryable(status, code, subcode)).isEqualTo(retryable);
        assertThat(GraphErrors.isRateLimited(status, code, subcode)).isEqualTo(rateLimited);
    }
}
