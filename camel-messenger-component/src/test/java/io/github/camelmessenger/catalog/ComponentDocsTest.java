package io.github.camelmessenger.catalog;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The option and header tables of messenger-component.adoc say what the catalog says. */
class ComponentDocsTest {

    @Test
    void theComponentPageAndTheCatalogAgree() {
        assertThat(ComponentDocsDrift.differences("/META-INF/io/github/camelmessenger/messenger.json",
                Path.of("src/main/docs/messenger-component.adoc"))).isEmpty();
    }

    @Test
    void aMissingRowOrAWrongDefaultIsReported(@TempDir Path dir) throws Exception {
        String page = Files.readString(Path.of("src/main/docs/messenger-component.adoc"), StandardCharsets.UTF_8);
        String stale = page.replaceFirst("(?m)^\\| \\*webhookPath\\* .*\n", "")
                .replace("| 4000 | long", "| 3000 | long");
        Path copy = dir.resolve("stale.adoc");
        Files.writeString(copy, stale, StandardCharsets.UTF_8);
        assertThat(ComponentDocsDrift.differences("/META-INF/io/github/camelmessenger/messenger.json", copy))
                .anyMatch(p -> p.contains("'webhookPath' is in the catalog but not in the page"))
                .anyMatch(p -> p.contains("default '3000' in the page, '4000' in the catalog"));
    }
}
