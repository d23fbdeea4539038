package io.github.camelmessenger.examples;

/** The two forms of the same bot: the YAML routes of {@code camel/} (the default) and the Java DSL route classes. */
enum Dsl {
    YAML,
    JAVA
}
