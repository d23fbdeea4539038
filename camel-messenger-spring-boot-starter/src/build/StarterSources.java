import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.util.TimeUtils;

/**
 * Writes a Spring Boot starter's option-dependent sources from a component's catalog JSON (the file Camel's component
 * plugin generates), the way camel-spring-boot's generator does for Apache's own components (which cannot be used
 * for another groupId): the {@code @ConfigurationProperties} class with one field per component option, the
 * converter that resolves {@code #bean:name} references for object options, and the enum values as hints for the
 * configuration processor. Run at build time with the starter's classpath (the component jar, Jackson, camel-util),
 * so a starter cannot drift from its component.
 *
 * <p>Arguments: {@code catalog=<classpath resource> package=<java package> sources=<dir> resources=<dir>}.
 */
public class StarterSources {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> arg = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            arg.put(a.substring(0, eq), a.substring(eq + 1));
        }
        byte[] catalogBytes = readCatalog(required(arg, "catalog"));
        JsonNode catalog = MAPPER.readTree(catalogBytes);
        // in the class javadoc, so that any change of the catalog recompiles the class and reruns the processor
        String catalogDigest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(catalogBytes));
        String pkg = required(arg, "package");
        Path sources = Path.of(required(arg, "sources"), pkg.replace('.', '/'));
        Path resources = Path.of(required(arg, "resources"), "META-INF");

        JsonNode component = catalog.get("component");
        String componentType = component.get("javaType").asText();
        String simpleName = componentType.substring(componentType.lastIndexOf('.') + 1);
        String scheme = component.get("scheme").asText();
        List<Option> options = new ArrayList<>();
        catalog.get("componentProperties").properties().forEach(e -> options.add(new Option(e.getKey(), e.getValue())));

        String configName = simpleName.replace("Component", "ComponentConfiguration");
        String converterName = simpleName.replace("Component", "ComponentConverter");
        write(sources.resolve(configName + ".java"),
                configuration(pkg, configName, scheme, component.get("description").asText(), catalogDigest, options));
        write(sources.resolve(converterName + ".java"), converter(pkg, converterName, options));
        write(resources.resolve("additional-spring-configuration-metadata.json"),
                additionalMetadata(scheme, pkg + "." + configName, options));
    }

    private static String required(Map<String, String> arg, String name) {
        String value = arg.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing argument " + name + "=...");
        }
        return value;
    }

    private static byte[] readCatalog(String resource) throws IOException {
        try (InputStream in = StarterSources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No catalog " + resource + " on the classpath");
            }
            return in.readAllBytes();
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            Files.write(file, bytes);
        }
    }

    static String prefix(String scheme) {
        return "camel.component." + scheme.toLowerCase(Locale.ROOT);
    }

    private static String configuration(String pkg, String name, String scheme, String description, String digest,
                                        List<Option> options) {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        for (Option o : options) {
            fields.append("    /**\n     * ").append(javadoc(o.description)).append("\n     */\n");
            if (o.deprecated) {
                fields.append("    @Deprecated\n");
            }
            fields.append("    private ").append(o.fieldType()).append(' ').append(o.name);
            String initializer = o.initializer();
            if (initializer != null) {
                fields.append(" = ").append(initializer);
            }
            fields.append(";\n");

            String cap = Character.toUpperCase(o.name.charAt(0)) + o.name.substring(1);
            String deprecated = o.deprecated ? "    @Deprecated\n" : "";
            accessors.append('\n').append(deprecated)
                    .append(o.deprecated ? "    @DeprecatedConfigurationProperty\n" : "")
                    .append("    public ").append(o.fieldType()).append(" get").append(cap).append("() {\n")
                    .append("        return ").append(o.name).append(";\n    }\n\n").append(deprecated)
                    .append("    public void set").append(cap).append('(').append(o.fieldType()).append(' ')
                    .append(o.name).append(") {\n        this.").append(o.name).append(" = ").append(o.name)
                    .append(";\n    }\n");
        }
        return "package " + pkg + ";\n\n"
               + "import java.time.Duration;\n\n"
               + "import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;\n"
               + "import org.springframework.boot.context.properties.ConfigurationProperties;\n"
               + "import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;\n\n"
               + "/**\n * " + javadoc(description) + "\n *\n"
               + " * Generated from the component's catalog JSON by StarterSources at build time - do not edit.\n"
               + " * Catalog SHA-256: " + digest + "\n */\n"
               + "@ConfigurationProperties(prefix = \"" + prefix(scheme) + "\")\n"
               + "public class " + name + " extends ComponentConfigurationPropertiesCommon {\n\n"
               + "    /**\n     * Whether to enable auto configuration of the " + scheme
               + " component. This is enabled by default.\n     */\n"
               + "    @SuppressWarnings(\"unused\")\n"
               + "    private Boolean enabled;\n"
               + fields + accessors + "}\n";
    }

    private static String converter(String pkg, String name, List<Option> options) {
        StringBuilder pairs = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (Option o : options) {
            if (o.isBeanReference()) {
                String raw = o.rawType();
                pairs.append("        answer.add(new ConvertiblePair(String.class, ").append(raw).append(".class));\n");
                cases.append("            case \"").append(raw).append("\": return applicationContext.getBean(ref, ")
                        .append(raw).append(".class);\n");
            }
        }
        return "package " + pkg + ";\n\n"
               + "import java.util.LinkedHashSet;\n"
               + "import java.util.Set;\n\n"
               + "import org.springframework.beans.factory.annotation.Autowired;\n"
               + "import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;\n"
               + "import org.springframework.context.ApplicationContext;\n"
               + "import org.springframework.context.annotation.Configuration;\n"
               + "import org.springframework.core.convert.TypeDescriptor;\n"
               + "import org.springframework.core.convert.converter.GenericConverter;\n"
               + "import org.springframework.stereotype.Component;\n\n"
               + "/**\n * Resolves {@code #bean:name} and {@code #name} property values to beans of the component's "
               + "object options.\n *\n"
               + " * Generated from the component's catalog JSON by StarterSources at build time - do not edit.\n */\n"
               + "@Configuration(proxyBeanMethods = false)\n"
               + "@ConfigurationPropertiesBinding\n"
               + "@Component\n"
               + "public class " + name + " implements GenericConverter {\n\n"
               + "    @Autowired\n"
               + "    private ApplicationContext applicationContext;\n\n"
               + "    @Override\n"
               + "    public Set<ConvertiblePair> getConvertibleTypes() {\n"
               + "        Set<ConvertiblePair> answer = new LinkedHashSet<>();\n"
               + pairs
               + "        return answer;\n"
               + "    }\n\n"
               + "    @Override\n"
               + "    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {\n"
               + "        if (source == null) {\n"
               + "            return null;\n"
               + "        }\n"
               + "        String ref = source.toString();\n"
               + "        if (!ref.startsWith(\"#\")) {\n"
               + "            return null;\n"
               + "        }\n"
               + "        ref = ref.startsWith(\"#bean:\") ? ref.substring(6) : ref.substring(1);\n"
               + "        switch (targetType.getName()) {\n"
               + cases
               + "            default: return null;\n"
               + "        }\n"
               + "    }\n"
               + "}\n";
    }

    /**
     * What the configuration processor cannot see, for it to merge in: the enum values of every option that has them
     * (as value hints), and the object options, since it leaves out some types (e.g. a javax.sql.DataSource).
     */
    private static String additionalMetadata(String scheme, String sourceType, List<Option> options)
            throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode properties = root.putArray("properties");
        for (Option o : options) {
            if (o.isBeanReference()) {
                properties.addObject().put("name", prefix(scheme) + "." + dashed(o.name)).put("type", o.fieldType())
                        .put("description", o.description).put("sourceType", sourceType);
            }
        }
        ArrayNode hints = root.putArray("hints");
        for (Option o : options) {
            if (!o.enums.isEmpty()) {
                ObjectNode hint = hints.addObject();
                hint.put("name", prefix(scheme) + "." + dashed(o.name));
                ArrayNode values = hint.putArray("values");
                o.enums.forEach(v -> values.addObject().put("value", v));
            }
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /** Spring Boot's canonical property name: camelCase to kebab-case. */
    static String dashed(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** One line of javadoc that the configuration processor reads back as the same text. */
    private static String javadoc(String text) {
        return text.replace("*/", "*&#47;").replace("\\u", "\\\\u").replaceAll("\\s+", " ").trim();
    }

    private static final class Option {
        final String name;
        final String type;
        final String javaType;
        final JsonNode defaultValue;
        final List<String> enums = new ArrayList<>();
        final String description;
        final boolean deprecated;

        Option(String name, JsonNode json) {
            this.name = name;
            this.type = json.get("type").asText();
            this.javaType = json.get("javaType").asText().replace('$', '.');
            this.defaultValue = json.get("defaultValue");
            json.path("enum").forEach(v -> enums.add(v.asText()));
            this.description = json.path("description").asText("");
            this.deprecated = json.path("deprecated").asBoolean(false);
        }

        /**
         * Wrapper types, so an option left unset stays null and is not copied to the component; durations as
         * {@code Duration} (Spring Boot reads 500ms, 30s, PT30M and plain milliseconds); enum options as the names
         * the catalog lists (Camel converts them to the option's type).
         */
        String fieldType() {
            if ("duration".equals(type)) {
                return "java.time.Duration";
            }
            if (!enums.isEmpty()) {
                return "java.lang.String";
            }
            return switch (javaType) {
                case "int" -> "java.lang.Integer";
                case "long" -> "java.lang.Long";
                case "boolean" -> "java.lang.Boolean";
                case "double" -> "java.lang.Double";
                case "float" -> "java.lang.Float";
                case "short" -> "java.lang.Short";
                case "byte" -> "java.lang.Byte";
                case "char" -> "java.lang.Character";
                default -> javaType;
            };
        }

        String rawType() {
            int lt = javaType.indexOf('<');
            return lt < 0 ? javaType : javaType.substring(0, lt);
        }

        /** Object options other than collections are set from a bean: #bean:name. */
        boolean isBeanReference() {
            String raw = rawType();
            return "object".equals(type) && enums.isEmpty() && !raw.startsWith("java.util.")
                   && !"java.lang.Object".equals(raw);
        }

        String initializer() {
            if (defaultValue == null || defaultValue.isNull()
                || defaultValue.isTextual() && defaultValue.asText().isEmpty()) {
                return null;
            }
            String value = defaultValue.asText();
            String field = fieldType();
            if ("java.time.Duration".equals(field)) {
                return "Duration.ofMillis(" + TimeUtils.toMilliSeconds(value) + "L)";
            }
            switch (field) {
                case "java.lang.String":
                    return MAPPER.valueToTree(value).toString();
                case "java.lang.Integer":
                case "java.lang.Boolean":
                case "java.lang.Short":
                case "java.lang.Byte":
                    return value;
                case "java.lang.Long":
                    return value + "L";
                case "java.lang.Double":
                    return value.contains(".") ? value : value + ".0";
                case "java.lang.Float":
                    return value + "F";
                default:
                    throw new IllegalStateException(
                            "Option " + name + ": cannot write default '" + value + "' for type " + field);
            }
        }

    }
}
