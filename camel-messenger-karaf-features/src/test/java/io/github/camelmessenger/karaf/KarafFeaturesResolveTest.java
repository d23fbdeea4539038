package io.github.camelmessenger.karaf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.framework.namespace.PackageNamespace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installs what the features camel-messenger and camel-messenger-otn install, in the OSGi framework Karaf 4.4 runs
 * on (Felix 7): the component bundles as built, and for each camel-karaf feature they require a stand-in of its
 * bundles (see {@link CamelKarafStandIns}). Every bundle must resolve, the components load from their bundles,
 * and the bundles export their API but no internals, with no package split between bundles.
 */
class KarafFeaturesResolveTest {

    private static final String OURS = "mvn:io.github.camelmessenger/";

    private static FeaturesXml features;
    private static final Set<String> camelKarafFeatures = new LinkedHashSet<>();
    private static CamelKarafStandIns standIns;
    private static Framework framework;
    private static final Map<String, Bundle> ourBundles = new LinkedHashMap<>();
    private static final List<Bundle> installed = new ArrayList<>();

    @BeforeAll
    static void installTheFeatures() throws Exception {
        features = FeaturesXml.read(Path.of(System.getProperty("features.xml")));
        List<String> bundleUrls = new ArrayList<>();
        for (FeaturesXml.Feature feature : features.features().values()) {
            feature.requiredFeatures().stream().filter(f -> !features.features().containsKey(f))
                    .forEach(camelKarafFeatures::add);
            bundleUrls.addAll(feature.bundles());
        }

        Path storage = Path.of(System.getProperty("felix.storage"));
        framework = new FrameworkFactory().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.start();

        standIns = new CamelKarafStandIns(FeaturesXml.read(Path.of(System.getProperty("camel-karaf.features"))),
                storage.resolveSibling("camel-karaf-standins"));
        Set<Path> files = new LinkedHashSet<>(standIns.framework());
        files.addAll(standIns.bundles(camelKarafFeatures));
        for (Path file : files) {
            installed.add(install(file));
        }
        for (String url : bundleUrls) {
            assertThat(url).as("bundle of ours").startsWith(OURS);
            String artifactId = url.substring(OURS.length(), url.indexOf('/', OURS.length()));
            Bundle bundle = install(Path.of(System.getProperty("bundle." + artifactId)));
            ourBundles.put(artifactId, bundle);
            installed.add(bundle);
        }
        framework.adapt(FrameworkWiring.class).resolveBundles(installed);
    }

    private static Bundle install(Path file) throws BundleException {
        // reference: installs in place, a jar or (in a build that has not packaged yet) a classes folder
        return framework.getBundleContext().installBundle("reference:" + file.toUri());
    }

    @AfterAll
    static void stopFramework() throws Exception {
        if (framework != null) {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    @Test
    void theFeaturesFollowKarafsSchema() throws Exception {
        FeaturesXml.validate(Path.of(System.getProperty("features.xml")));
        assertThat(features.features()).containsKeys("camel-messenger", "camel-messenger-otn");
    }

    @Test
    void theCamelFeaturesRequiredAreCamelKarafFeatures() throws Exception {
        FeaturesXml camelKaraf = FeaturesXml.read(Path.of(System.getProperty("camel-karaf.features")));
        assertThat(camelKaraf.features().keySet()).containsAll(camelKarafFeatures);
    }

    @Test
    void theComponentBundlesResolve() {
        Map<String, String> unresolved = new LinkedHashMap<>();
        for (Bundle bundle : installed) {
            if ((bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                unresolved.put(bundle.getSymbolicName(), whyUnresolved(bundle));
            }
        }
        for (Map.Entry<String, Bundle> ours : ourBundles.entrySet()) {
            // a plain jar would install as an R3 bundle that resolves with no imports and no exports
            assertThat(ours.getValue().getSymbolicName()).as("symbolic name of %s (%s)", ours.getKey(),
                    ours.getValue().getLocation()).isEqualTo("io.github.camelmessenger." + ours.getKey());
            assertThat(ours.getValue().getState()).as("state of %s; unresolved: %s; camel-karaf artifacts not on the "
                                                      + "test classpath: %s", ours.getKey(), unresolved,
                    standIns.leftOut()).isEqualTo(Bundle.RESOLVED);
        }
    }

    private static String whyUnresolved(Bundle bundle) {
        try {
            bundle.start();
            return "started?";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    @Test
    void theComponentsLoadFromTheirBundles() throws Exception {
        Class<?> messenger = ourBundles.get("camel-messenger").loadClass("io.github.camelmessenger.MessengerComponent");
        Class<?> otn = ourBundles.get("camel-messenger-otn")
                .loadClass("io.github.camelmessenger.otn.MessengerOtnComponent");
        assertThat(messenger.getConstructor().newInstance()).isNotNull();
        assertThat(otn.getConstructor().newInstance()).isNotNull();
        assertThat(otn.getClassLoader()).isNotSameAs(messenger.getClassLoader());
    }

    @Test
    void theOtnBundleWiresToTheMessengerBundle() {
        List<BundleWire> wires = ourBundles.get("camel-messenger-otn").adapt(BundleWiring.class)
                .getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        assertThat(wires).filteredOn(w -> w.getCapability().getAttributes()
                        .get(PackageNamespace.PACKAGE_NAMESPACE).toString().startsWith("io.github.camelmessenger"))
                .isNotEmpty()
                .allSatisfy(w -> assertThat(w.getProvider().getBundle()).isIn(ourBundles.values()));
    }

    @Test
    void everyPackageButTheInternalsIsExported() {
        for (Map.Entry<String, Bundle> entry : ourBundles.entrySet()) {
            BundleWiring wiring = entry.getValue().adapt(BundleWiring.class);
            Set<String> contained = new TreeSet<>();
            for (String resource : wiring.listResources("/io/github/camelmessenger", "*.class",
                    BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL)) {
                contained.add(resource.substring(0, resource.lastIndexOf('/')).replace('/', '.'));
            }
            Set<String> exported = exports(entry.getValue());
            assertThat(contained).as("packages of %s", entry.getKey()).isNotEmpty();
            assertThat(exported).as("exports of %s", entry.getKey())
                    .noneMatch(KarafFeaturesResolveTest::isInternal)
                    .containsAll(contained.stream().filter(p -> !isInternal(p)).toList());
        }
    }

    private static boolean isInternal(String packageName) {
        return packageName.matches("(.*\\.)?internal(\\..*)?");
    }

    @Test
    void noPackageIsExportedByTwoBundles() {
        Map<String, List<String>> exporters = new HashMap<>();
        for (Bundle bundle : installed) {
            exports(bundle).forEach(p -> exporters.computeIfAbsent(p, k -> new ArrayList<>())
                    .add(bundle.getSymbolicName()));
        }
        Map<String, List<String>> split = new TreeSetMap(exporters).ofOurs();
        assertThat(split).as("packages of ours exported by more than one bundle").isEmpty();
    }

    private static Set<String> exports(Bundle bundle) {
        Set<String> packages = new TreeSet<>();
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleCapability c : wiring.getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                packages.add(c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE).toString());
            }
        }
        return packages;
    }

    /** The packages under io.github.camelmessenger that more than one bundle exports. */
    private record TreeSetMap(Map<String, List<String>> exporters) {
        Map<String, List<String>> ofOurs() {
            Map<String, List<String>> split = new LinkedHashMap<>();
            exporters.forEach((p, bundles) -> {
                if (p.startsWith("io.github.camelmessenger") && bundles.size() > 1) {
                    split.put(p, bundles);
                }
            });
            return split;
        }
    }
}
