package io.github.camelmessenger.karaf;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Constants;
import aQute.bnd.osgi.Jar;

/**
 * What camel-karaf's features install, made from the jars on the test classpath. The features and the bundles they
 * list are read from camel-karaf's own features repository (the newest in the Maven repository this project builds
 * from); camel-karaf's bundles of Camel 4.18 are not there, so each bundle is taken from the test classpath by
 * artifactId: the jar as it is when it is a bundle (Jackson, Netty), else wrapped the way camel-karaf builds or
 * wraps it (every package exported at the jar's version: the Camel 4.18.0 and Vert.x jars). Bundles whose artifact
 * is not on the test classpath are left out: the components' imports tell whether something needed is missing.
 */
final class CamelKarafStandIns {

    /**
     * Karaf's own: pax-logging exports the SLF4J API there (the slf4j-api bundle itself would need a service loader
     * mediator), so the slf4j-api jar is wrapped to stand in for it.
     */
    static final List<String> FRAMEWORK = List.of("slf4j-api");

    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-(\\d+(?:\\.\\d+)*)(?:[.-].*)?\\.jar");

    private final FeaturesXml camelKaraf;
    private final Path workDir;
    private final Set<String> leftOut = new LinkedHashSet<>();

    CamelKarafStandIns(FeaturesXml camelKaraf, Path workDir) {
        this.camelKaraf = camelKaraf;
        this.workDir = workDir;
    }

    /** The bundles of the named features and of every feature they require, as far as the classpath has them. */
    Set<Path> bundles(Set<String> featureNames) throws Exception {
        Set<String> artifacts = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(featureNames);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            FeaturesXml.Feature feature = camelKaraf.features().get(name);
            if (feature == null || !seen.add(name)) {
                continue;
            }
            todo.addAll(feature.requiredFeatures());
            feature.bundles().forEach(url -> artifacts.add(artifactId(url)));
        }
        Set<Path> bundles = new LinkedHashSet<>();
        for (String artifactId : artifacts) {
            Optional<Path> jar = onClasspath(artifactId);
            if (jar.isEmpty()) {
                leftOut.add(artifactId);
            } else {
                bundles.add(isBundle(jar.get()) ? jar.get() : wrap(jar.get(), artifactId));
            }
        }
        return bundles;
    }

    /** Wrapped copies of the artifacts that stand in for what the Karaf framework itself exports. */
    List<Path> framework() throws Exception {
        List<Path> bundles = new ArrayList<>();
        for (String artifactId : FRAMEWORK) {
            bundles.add(wrap(onClasspath(artifactId).orElseThrow(), artifactId));
        }
        return bundles;
    }

    /** The artifacts of camel-karaf's features that the test classpath does not have. */
    Set<String> leftOut() {
        return leftOut;
    }

    /** mvn:group/artifact/version[/type/classifier], possibly as wrap:mvn:...$instructions. */
    static String artifactId(String url) {
        String mvn = url.substring(url.indexOf("mvn:") + 4);
        return mvn.split("/")[1];
    }

    private static Optional<Path> onClasspath(String artifactId) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = VERSIONED_JAR.matcher(Path.of(entry).getFileName().toString());
            if (m.matches() && m.group(1).equals(artifactId)) {
                return Optional.of(Path.of(entry));
            }
        }
        return Optional.empty();
    }

    private static boolean isBundle(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null
                   && file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName") != null;
        }
    }

    private Path wrap(Path jar, String artifactId) throws Exception {
        Matcher m = VERSIONED_JAR.matcher(jar.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("No version in " + jar);
        }
        String version = m.group(2);
        Path out = workDir.resolve(artifactId + "-" + version + "-standin.jar");
        Files.createDirectories(workDir);
        try (Jar content = new Jar(jar.toFile()); Analyzer analyzer = new Analyzer(content)) {
            analyzer.setProperty(Constants.BUNDLE_SYMBOLICNAME, artifactId);
            analyzer.setProperty(Constants.BUNDLE_VERSION, version);
            analyzer.setProperty(Constants.EXPORT_PACKAGE, "*;version=" + version);
            // what a stand-in needs itself is not under test
            analyzer.setProperty(Constants.IMPORT_PACKAGE, "*;resolution:=optional");
            analyzer.setProperty(Constants.NOIMPORTJAVA, "true");
            analyzer.setProperty(Constants.REMOVEHEADERS,
                    Constants.REQUIRE_CAPABILITY + "," + Constants.PROVIDE_CAPABILITY);
            content.setManifest(analyzer.calcManifest());
            content.write(out.toFile());
        }
        return out;
    }
}
