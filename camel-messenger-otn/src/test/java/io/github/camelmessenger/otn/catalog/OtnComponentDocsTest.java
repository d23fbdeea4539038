package io.github.camelmessenger.otn.catalog;

import java.nio.file.Path;

import io.github.camelmessenger.catalog.ComponentDocsDrift;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The option and header tables of messenger-otn-component.adoc say what the catalog says. */
class OtnComponentDocsTest {

    @Test
    void theComponentPageAndTheCatalogAgree() {
        assertThat(ComponentDocsDrift.differences("/META-INF/io/github/camelmessenger/otn/messenger-otn.json",
                Path.of("src/main/docs/messenger-otn-component.adoc"))).isEmpty();
    }
}
