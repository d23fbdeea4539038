package io.github.camelmessenger.karaf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** A Karaf features repository: each feature with the features it requires and the bundles it installs. */
record FeaturesXml(Map<String, Feature> features) {

    record Feature(String name, List<String> requiredFeatures, List<String> bundles) {
    }

    static FeaturesXml read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        Map<String, Feature> features = new LinkedHashMap<>();
        for (Element feature : children(doc.getDocumentElement(), "feature")) {
            List<String> required = new ArrayList<>();
            children(feature, "feature").forEach(f -> required.add(f.getTextContent().trim()));
            List<String> bundles = new ArrayList<>();
            children(feature, "bundle").forEach(b -> bundles.add(b.getTextContent().trim()));
            // a name defined for several versions (camel-karaf's jackson): the first, the one Camel itself uses
            features.putIfAbsent(feature.getAttribute("name"),
                    new Feature(feature.getAttribute("name"), required, bundles));
        }
        return new FeaturesXml(features);
    }

    /** Fails with the parser's message when the file does not follow Karaf's features schema 1.6.0. */
    static void validate(Path file) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var xsd = FeaturesXml.class.getClassLoader().getResource("org/apache/karaf/features/karaf-features-1.6.0.xsd");
        factory.newSchema(xsd).newValidator().validate(new StreamSource(file.toFile()));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
