package io.github.camelmessenger.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a component page's generated tables back (name, default per row) and lists where they and the component
 * JSON on the classpath disagree: an option or header the catalog has and the page lacks, one the page has and the
 * catalog does not, a default that differs, a description the page does not carry. Shared by the drift tests of
 * both components.
 */
public final class ComponentDocsDrift {

    private ComponentDocsDrift() {
    }

    public static List<String> differences(String jsonResource, Path adoc) {
        JsonNode model = json(jsonResource);
        String page;
        try {
            page = Files.readString(adoc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        compare("component option", model.path("componentProperties"), rows(section(page, "component options")),
                problems);
        compare("endpoint option", model.path("properties"), rows(section(page, "endpoint options")), problems);
        compare("header", model.path("headers"), rows(section(page, "component headers")), problems);
        return problems;
    }

    private static void compare(String what, JsonNode catalog, Map<String, String[]> page, List<String> problems) {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        catalog.properties().forEach(e -> expected.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            String[] row = page.get(e.getKey());
            if (row == null) {
                problems.add(what + " '" + e.getKey() + "' is in the catalog but not in the page");
                continue;
            }
            String description = e.getValue().path("description").asText("").replace("|", "\\|");
            if (!String.join("|", row).contains(description)) {
                problems.add(what + " '" + e.getKey() + "': the page does not carry the catalog's description");
            }
            if (!"header".equals(what)) {
                String expectedDefault = e.getValue().path("defaultValue").asText("");
                if (!row[2].equals(expectedDefault)) {
                    problems.add(what + " '" + e.getKey() + "': default '" + row[2] + "' in the page, '"
                                 + expectedDefault + "' in the catalog");
                }
            }
        }
        for (String name : page.keySet()) {
            if (!expected.containsKey(name)) {
                problems.add(what + " '" + name + "' is in the page but not in the catalog");
            }
        }
    }

    private static String section(String page, String marker) {
        int s = page.indexOf("// " + marker + ": START");
        int e = page.indexOf("// " + marker + ": END");
        if (s < 0 || e < s) {
            throw new IllegalStateException("the page has no '" + marker + "' markers");
        }
        return page.substring(s, e);
    }

    /** Table rows by name: cells split on unescaped '|'. */
    private static Map<String, String[]> rows(String section) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : section.split("\n")) {
            if (!line.startsWith("| *")) {
                continue;
            }
            String[] cells = line.substring(2).split("(?<!\\\\)\\|", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            String name = cells[0].substring(1, cells[0].indexOf('*', 1));
            rows.put(name, cells);
        }
        return rows;
    }

    private static JsonNode json(String resource) {
        try (InputStream in = ComponentDocsDrift.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
