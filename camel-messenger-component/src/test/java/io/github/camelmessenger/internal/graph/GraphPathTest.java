package io.github.camelmessenger.internal.graph;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-pass Graph path check says what the rule in words says: the regular expression plus no dot segments. */
class GraphPathTest {

    private static final Pattern RULE = Pattern.compile(
            "[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*(\\?[A-Za-z0-9_.,~%:=&\\-\\[\\]]*)?");

    private static boolean byTheRule(String path) {
        String pathPart = path.indexOf('?') >= 0 ? path.substring(0, path.indexOf('?')) : path;
        for (String segment : pathPart.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return RULE.matcher(path).matches();
    }

    @Test
    void knownPaths() {
        assertThat(GraphTarget.isGraphPath("me/messages")).isTrue();
        assertThat(GraphTarget.isGraphPath("1234/messenger_profile?fields=[\"a\",\"b\"]")).isFalse();
        assertThat(GraphTarget.isGraphPath("1234/messenger_profile?fields=a,b")).isTrue();
        assertThat(GraphTarget.isGraphPath("me/../other")).isFalse();
        assertThat(GraphTarget.isGraphPath("./me")).isFalse();
        assertThat(GraphTarget.isGraphPath("me/...")).isTrue();
        assertThat(GraphTarget.isGraphPath("me//messages")).isFalse();
        assertThat(GraphTarget.isGraphPath("/me")).isFalse();
        assertThat(GraphTarget.isGraphPath("me/")).isFalse();
        assertThat(GraphTarget.isGraphPath("https://evil.example.com/x")).isFalse();
        assertThat(GraphTarget.isGraphPath("me?")).isTrue();
        assertThat(GraphTarget.isGraphPath("me?a=b?c")).isFalse();
        assertThat(GraphTarget.isGraphPath("me messages")).isFalse();
    }

    @Test
    void agreesWithTheRuleOnRandomPaths() {
        String alphabet = "ab9_.-/?,~%:=&[] @#é";
        Random random = new Random(20261205);
        for (int i = 0; i < 200_000; i++) {
            int length = 1 + random.nextInt(12);
            StringBuilder sb = new StringBuilder(length);
            for (int j = 0; j < length; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String path = sb.toString();
            assertThat(GraphTarget.isGraphPath(path)).as(path).isEqualTo(byTheRule(path));
        }
    }
}
