package io.github.camelmessenger.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.util.TimeUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.converter.GenericConverter.ConvertiblePair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * What a starter owes its component, checked against the component's catalog JSON (read from the component jar):
 * every component option is a {@code camel.component.<scheme>.*} property with the option's description, type,
 * default and enum values in the Spring configuration metadata, and a value bound to that property reaches the
 * component. A component option added, renamed or changed without the starter following fails here.
 */
public final class StarterContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode catalog;
    private final String prefix;

    private StarterContract(String catalogResource) {
        this.catalog = json(catalogResource);
        this.prefix = "camel.component." + catalog.get("component").get("scheme").asText();
    }

    public static StarterContract of(String catalogResource) {
        return new StarterContract(catalogResource);
    }

    /** The component options, name to catalog entry. */
    public Map<String, JsonNode> options() {
        Map<String, JsonNode> options = new LinkedHashMap<>();
        catalog.get("componentProperties").properties().forEach(e -> options.put(e.getKey(), e.getValue()));
        return options;
    }

    public String property(String option) {
        return prefix + "." + dashed(option);
    }

    /** Every option in the metadata with its description, type, default and enum values; nothing else there. */
    public void assertMetadataMatchesCatalog(Class<?> configurationType) {
        JsonNode metadata = metadataOf(configurationType);
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.get("properties").forEach(p -> properties.put(p.get("name").asText(), p));
        Map<String, List<String>> hints = new HashMap<>();
        metadata.path("hints").forEach(h -> {
            List<String> values = new ArrayList<>();
            h.get("values").forEach(v -> values.add(v.get("value").asText()));
            hints.put(h.get("name").asText(), values);
        });

        Set<String> expected = new TreeSet<>(List.of(prefix + ".enabled", prefix + ".customizer.enabled"));
        assertSoftly(soft -> options().forEach((name, option) -> {
            String property = property(name);
            expected.add(property);
            JsonNode p = properties.get(property);
            soft.assertThat(p).as("metadata of %s", property).isNotNull();
            if (p == null) {
                return;
            }
            soft.assertThat(p.path("description").asText()).as("description of %s", property)
                    .isEqualTo(option.path("description").asText());
            soft.assertThat(p.path("type").asText()).as("type of %s", property)
                    .isEqualTo(springType(option));
            soft.assertThat(defaultOf(p)).as("default of %s", property).isEqualTo(defaultOf(option));
            List<String> enums = new ArrayList<>();
            option.path("enum").forEach(v -> enums.add(v.asText()));
            soft.assertThat(hints.getOrDefault(property, List.of())).as("enum values of %s", property)
                    .isEqualTo(enums);
        }));
        Set<String> actual = new TreeSet<>();
        properties.keySet().stream().filter(n -> n.startsWith(prefix + ".")).forEach(actual::add);
        assertThat(actual).as("camel.component properties of the starter").isEqualTo(expected);
    }

    /**
     * Binds a non-default value to every option the way Spring Boot binds application properties, copies the bound
     * configuration onto a fresh component as the starter's customizer does, and reads each option back through the
     * component's generated configurer. Object options are set from beans: their type must be one the converter
     * resolves {@code #bean:name} to.
     */
    public void assertEveryOptionBinds(Class<? extends ComponentConfigurationPropertiesCommon> configurationType,
                                       GenericConverter converter, Component component) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        Map<String, Object> expected = new LinkedHashMap<>();
        Set<ConvertiblePair> beanTypes = converter.getConvertibleTypes();
        assertSoftly(soft -> options().forEach((name, option) -> {
            if (isBeanOption(option)) {
                soft.assertThat(beanTypes).as("#bean: conversion for %s", name)
                        .contains(new ConvertiblePair(String.class, rawType(option)));
                return;
            }
            sample(name, option, properties, expected);
        }));

        Binder binder = new Binder(List.of(new MapConfigurationPropertySource(properties)), null,
                ApplicationConversionService.getSharedInstance());
        ComponentConfigurationPropertiesCommon bound = binder.bind(prefix, Bindable.of(configurationType)).get();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent(catalog.get("component").get("scheme").asText(), component);
            CamelPropertiesHelper.copyProperties(context, bound, component);
            PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
            assertSoftly(soft -> expected.forEach((name, value) -> soft
                    .assertThat(getter.getOptionValue(component, name, true)).as("option %s", name)
                    .isEqualTo(value)));
        }
    }

    private void sample(String name, JsonNode option, Map<String, Object> properties, Map<String, Object> expected) {
        String type = option.get("type").asText();
        String javaType = option.get("javaType").asText();
        List<String> enums = new ArrayList<>();
        option.path("enum").forEach(v -> enums.add(v.asText()));
        if (!enums.isEmpty()) {
            String value = enums.get(enums.size() - 1);
            properties.put(property(name), value);
            expected.put(name, javaType.equals("java.lang.String") ? value : enumConstant(javaType, value));
        } else if (type.equals("duration")) {
            properties.put(property(name), "1234ms");
            expected.put(name, javaType.equals("int") || javaType.equals("java.lang.Integer") ? (Object) 1234 : (Object) 1234L);
        } else if (type.equals("boolean")) {
            boolean value = !option.path("defaultValue").asBoolean(false);
            properties.put(property(name), String.valueOf(value));
            expected.put(name, value);
        } else if (type.equals("integer")) {
            properties.put(property(name), "7");
            expected.put(name, javaType.endsWith("ong") ? (Object) 7L : (Object) 7);
        } else if (type.equals("number")) {
            properties.put(property(name), "3.5");
            expected.put(name, javaType.endsWith("loat") ? (Object) 3.5f : (Object) 3.5d);
        } else if (type.equals("string")) {
            properties.put(property(name), "v" + name);
            expected.put(name, "v" + name);
        } else if (javaType.startsWith("java.util.Map")) {
            properties.put(property(name) + ".PAGE1", "v" + name);
            expected.put(name, Map.of("PAGE1", "v" + name));
        } else {
            throw new AssertionError("No sample value for option " + name + " of type " + type + "/" + javaType
                                     + ": extend StarterContract");
        }
    }

    private static Object enumConstant(String javaType, String value) {
        try {
            Class<?> type = Class.forName(javaType);
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(value) || constant.toString().equals(value)) {
                    return constant;
                }
            }
            throw new AssertionError(javaType + " has no constant for " + value);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isBeanOption(JsonNode option) {
        return option.get("type").asText().equals("object") && !option.has("enum")
               && !rawType(option).getName().startsWith("java.util.");
    }

    private static Class<?> rawType(JsonNode option) {
        String javaType = option.get("javaType").asText();
        int lt = javaType.indexOf('<');
        String raw = lt < 0 ? javaType : javaType.substring(0, lt);
        try {
            return Class.forName(raw);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("Option type " + raw + " is not on the classpath", e);
        }
    }

    /** The type the metadata must show: the option's Java type, boxed; durations as Duration, enums as names. */
    private static String springType(JsonNode option) {
        if (option.get("type").asText().equals("duration")) {
            return Duration.class.getName();
        }
        if (option.has("enum")) {
            return String.class.getName();
        }
        String javaType = option.get("javaType").asText().replace(" ", "");
        return switch (javaType) {
            case "int" -> Integer.class.getName();
            case "long" -> Long.class.getName();
            case "boolean" -> Boolean.class.getName();
            case "double" -> Double.class.getName();
            case "float" -> Float.class.getName();
            default -> javaType;
        };
    }

    /** A default in comparable form: durations in milliseconds, numbers as numbers, the rest as text; null if none. */
    private static Object defaultOf(JsonNode node) {
        JsonNode d = node.get("defaultValue");
        if (d == null || d.isNull() || d.isTextual() && d.asText().isEmpty()) {
            return null;
        }
        String type = node.path("type").asText();
        if (type.equals("duration")) {
            return TimeUtils.toMilliSeconds(d.asText());
        }
        if (type.equals(Duration.class.getName())) {
            return DurationStyle.detectAndParse(d.asText()).toMillis();
        }
        if (d.isNumber() || type.equals("integer") || type.equals("number")) {
            return Double.parseDouble(d.asText());
        }
        return d.asText();
    }

    static String dashed(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) {
            sb.append(Character.isUpperCase(c) ? "-" + Character.toLowerCase(c) : String.valueOf(c));
        }
        return sb.toString();
    }

    /** The metadata in the jar (or classes folder) of the given class: every Spring Boot jar has its own. */
    private static JsonNode metadataOf(Class<?> type) {
        try {
            String home = type.getProtectionDomain().getCodeSource().getLocation().toString();
            var candidates = StarterContract.class.getClassLoader().getResources(
                    "META-INF/spring-configuration-metadata.json");
            while (candidates.hasMoreElements()) {
                var url = candidates.nextElement();
                if (url.toString().replace("jar:", "").startsWith(home)) {
                    try (InputStream in = url.openStream()) {
                        return MAPPER.readTree(in);
                    }
                }
            }
            throw new AssertionError("No META-INF/spring-configuration-metadata.json beside " + type.getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String resource) {
        try (InputStream in = StarterContract.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
