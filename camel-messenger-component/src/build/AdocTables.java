import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fills the option and header tables of a component's AsciiDoc page from the component JSON that
 * camel-package-maven-plugin generated, between Camel's markers ({@code // component options: START} ... {@code END},
 * {@code // endpoint options: ...}, {@code // component headers: ...}). Run by the build after the JSON is generated;
 * Apache Camel's own pages get these tables from its website build, which out-of-tree components do not have.
 * <p>
 * Arguments: {@code json=<component JSON>} {@code adoc=<the page>}. Rewrites the page only when a table changed.
 */
public final class AdocTables {

    public static void main(String[] args) throws IOException {
        Path json = null;
        Path adoc = null;
        for (String arg : args) {
            if (arg.startsWith("json=")) {
                json = Path.of(arg.substring(5));
            } else if (arg.startsWith("adoc=")) {
                adoc = Path.of(arg.substring(5));
            }
        }
        if (json == null || adoc == null) {
            throw new IllegalArgumentException("usage: AdocTables json=<component JSON> adoc=<page>");
        }
        JsonNode model = new ObjectMapper().readTree(json.toFile());
        String page = Files.readString(adoc, StandardCharsets.UTF_8);
        String filled = fill(page, model);
        if (!filled.equals(page)) {
            Files.writeString(adoc, filled, StandardCharsets.UTF_8);
            System.out.println("AdocTables: updated " + adoc);
        }
    }

    /** The page with its three tables rendered from the model (public for the drift test). */
    public static String fill(String page, JsonNode model) {
        String title = model.path("component").path("title").asText();
        String result = replace(page, "component options", optionsTable(title + " component", "component",
                model.path("componentProperties")));
        result = replace(result, "endpoint options", endpointSection(model));
        return replace(result, "component headers", headersTable(title, model.path("headers")));
    }

    private static String replace(String page, String marker, String content) {
        String start = "// " + marker + ": START";
        String end = "// " + marker + ": END";
        int s = page.indexOf(start);
        int e = page.indexOf(end);
        if (s < 0 || e < s) {
            throw new IllegalStateException("markers '" + start + "' ... '" + end + "' missing");
        }
        return page.substring(0, s + start.length()) + "\n" + content + page.substring(e);
    }

    private static String endpointSection(JsonNode model) {
        StringBuilder out = new StringBuilder();
        String syntax = model.path("component").path("syntax").asText();
        out.append("=== Endpoint options\n\n");
        out.append("The endpoint is configured with URI syntax:\n\n----\n").append(syntax).append("\n----\n\n");
        List<Map.Entry<String, JsonNode>> path = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> query = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : model.path("properties").properties()) {

            ("path".equals(e.getValue().path("kind").asText()) ? path : query).add(e);
        }
        out.append("==== Path parameters (").append(path.size()).append(")\n\n");
        table(out, path);
        out.append("\n==== Query parameters (").append(query.size()).append(")\n\n");
        table(out, query);
        return out.toString();
    }

    private static String optionsTable(String what, String kind, JsonNode options) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        options.properties().forEach(rows::add);
        StringBuilder out = new StringBuilder();
        out.append("=== Component options\n\n");
        out.append("The ").append(what).append(" supports ").append(rows.size())
                .append(" options, which are listed below.\n\n");
        table(out, rows);
        return out.toString();
    }

    private static void table(StringBuilder out, List<Map.Entry<String, JsonNode>> rows) {
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n");
        out.append("| Name | Description | Default | Type\n");
        for (Map.Entry<String, JsonNode> row : rows) {
            JsonNode o = row.getValue();
            out.append("| *").append(row.getKey()).append("* (").append(o.path("group").asText()).append(")");
            out.append(" | ").append(cell(description(o)));
            out.append(" | ").append(cell(o.path("defaultValue").asText("")));
            out.append(" | ").append(cell(type(o))).append('\n');
        }
        out.append("|===\n");
    }

    private static String headersTable(String title, JsonNode headers) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        headers.properties().forEach(rows::add);
        StringBuilder out = new StringBuilder();
        out.append("=== Message headers\n\n");
        out.append("The ").append(title).append(" component supports ").append(rows.size())
                .append(" message headers, which are listed below.\n\n");
        out.append("[width=\"100%\",cols=\"2,2,5,2\",options=\"header\"]\n|===\n");
        out.append("| Name | Constant | Description | Type\n");
        for (Map.Entry<String, JsonNode> row : rows) {
            JsonNode h = row.getValue();
            String constant = h.path("constantName").asText("");
            constant = constant.substring(constant.indexOf('#') + 1);
            String label = h.path("label").asText("");
            out.append("| *").append(row.getKey()).append("*").append(label.isEmpty() ? "" : " (" + label + ")");
            out.append(" | `").append(constant).append('`');
            out.append(" | ").append(cell(description(h)));
            out.append(" | ").append(cell(type(h))).append('\n');
        }
        out.append("|===\n");
        return out.toString();
    }

    private static String description(JsonNode o) {
        StringBuilder d = new StringBuilder(o.path("description").asText(""));
        if (o.has("enum")) {
            List<String> values = new ArrayList<>();
            o.path("enum").forEach(v -> values.add(v.asText()));
            d.append(" Allowed values: ").append(String.join(", ", values)).append('.');
        }
        if (o.path("required").asBoolean()) {
            d.append(" Required.");
        }
        if (o.path("secret").asBoolean()) {
            d.append(" Secret: never logged.");
        }
        if (o.path("autowired").asBoolean()) {
            d.append(" Autowired from the registry.");
        }
        return d.toString();
    }

    private static String type(JsonNode o) {
        String javaType = o.path("javaType").asText("");
        // generic arguments and packages make the column unreadable
        int generic = javaType.indexOf('<');
        String raw = generic < 0 ? javaType : javaType.substring(0, generic);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private AdocTables() {
    }
}
