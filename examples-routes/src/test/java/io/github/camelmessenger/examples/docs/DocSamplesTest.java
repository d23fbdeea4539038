package io.github.camelmessenger.examples.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java and YAML sample in README.md and docs/ is a copy of a region of a source that the build compiles or a
 * test runs, so none can rot: an unannounced sample, a region that is gone, or a sample that differs from its
 * region fails here.
 */
class DocSamplesTest {

    private static final Set<String> CHECKED = Set.of("java", "yaml");

    @Test
    void everySampleIsItsTestedRegion() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path page : DocSamples.pages()) {
            for (DocSamples.Sample s : DocSamples.samples(page)) {
                if (!CHECKED.contains(s.language())) {
                    continue;
                }
                checked++;
                if (s.file() == null) {
                    problems.add(s.where() + ": a " + s.language() + " sample without <!-- sample: file#tag -->");
                    continue;
                }
                if (!isCompiledOrRun(s.file())) {
                    problems.add(s.where() + ": " + s.file() + " is neither compiled nor run by the build");
                    continue;
                }
                String region;
                try {
                    region = DocSamples.region(s.file(), s.tag());
                } catch (RuntimeException e) {
                    problems.add(s.where() + ": " + e.getMessage());
                    continue;
                }
                String sample = DocSamples.dedent(List.of(s.text().split("\n", -1)));
                if (!sample.equals(region)) {
                    problems.add(s.where() + ": differs from " + s.file() + "#" + s.tag() + "\n--- page:\n" + sample
                                 + "\n--- source:\n" + region);
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("samples checked").isGreaterThan(10);
    }

    /** Java sources of a module, the example's YAML routes (run by its flow tests) and the YAML samples' folder. */
    private static boolean isCompiledOrRun(String file) {
        return file.matches("[a-z-]+/src/(main|test)/java/.+\\.java")
               || file.startsWith("examples-routes/src/main/resources/camel/")
               || file.startsWith(YamlSamplesTest.FOLDER);
    }

    @Test
    void anUnannouncedOrChangedSampleIsCaught() {
        Path page = DocSamples.ROOT.resolve("examples-routes/src/test/resources/docs/selftest.md.txt");
        List<DocSamples.Sample> samples = DocSamples.samples(page);
        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).file()).isNull();
        DocSamples.Sample announced = samples.get(1);
        assertThat(DocSamples.region(announced.file(), announced.tag())).isNotEqualTo(announced.text());
    }
}
