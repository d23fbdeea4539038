package io.github.camelmessenger.internal.validation;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The URL fast path never decides differently from parsing: what it accepts, {@code new URI} accepts alike. */
class PlainHttpUrlTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://shop.example.com/img/locker-1.png", "http://localhost:8080/a?b=c&d=e#f",
            "HTTPS://Example.COM", "https://a.b-c.de/%20x/(y)*!$'~;,:@", "https://example.com?q=1",
            "https://example.com#frag", "https://cdn.fbsbx.com/v/t59/x.mp4?_nc_cat=1&oh=00_AfA" })
    void acceptsWhatParsingAccepts(String url) {
        int quick = Checks.plainHttpUrl(url);
        URI parsed = Checks.parseHttpUrl(url);
        assertThat(quick).isNotEqualTo(Checks.UNDECIDED);
        assertThat(parsed).isNotNull();
        assertThat(quick == Checks.HTTPS).isEqualTo("https".equalsIgnoreCase(parsed.getScheme()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.com", "https://", "https://-a.com", "https://a-.com", "https://1.2.3.4/x",
            "https://example.com:", "https://example.com:123456", "https://user@example.com",
            "https://example.com/a b", "https://example.com/%zz", "https://example.com/#a#b", " https://example.com",
            "https://example.com/é", "https://example.com./", "https://[::1]/", "https://a_b.com/", "https:example.com",
            "https://example.com/[x]", "https://example.com\\x" })
    void leavesEverythingElseToTheParser(String url) {
        assertThat(Checks.plainHttpUrl(url)).isEqualTo(Checks.UNDECIDED);
    }
}
