package io.github.camelmessenger.examples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Java and YAML samples of README.md and docs/*.md, each with the tagged region of a source file it must equal.
 * A sample is announced by {@code <!-- sample: path/from/the/repository/root#tag -->} on the line before its fence;
 * the region sits between {@code tag::tag[]} and {@code end::tag[]} comment lines of that file, which a build
 * compiles (Java) or a test runs (YAML).
 */
final class DocSamples {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ANNOUNCE = Pattern.compile("<!--\\s*sample:\\s*([^#\\s]+)#(\\S+)\\s*-->");

    record Sample(Path page, int line, String language, String text, String file, String tag) {
        String where() {
            return ROOT.relativize(page) + ":" + line;
        }
    }

    private DocSamples() {
    }

    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static List<Sample> samples(Path page) {
        List<String> lines = read(page);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```") || line.length() == 3) {
                continue;
            }
            String language = line.substring(3).trim();
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            String text = String.join("\n", lines.subList(i + 1, end));
            String file = null;
            String tag = null;
            if (i > 0) {
                Matcher m = ANNOUNCE.matcher(lines.get(i - 1));
                if (m.find()) {
                    file = m.group(1);
                    tag = m.group(2);
                }
            }
            samples.add(new Sample(page, i + 1, language, text, file, tag));
            i = end;
        }
        return samples;
    }

    /** The tagged region of a file, its common indentation removed. */
    static String region(String file, String tag) {
        List<String> lines = read(ROOT.resolve(file));
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]")) {
                start = i + 1;
            } else if (lines.get(i).contains("end::" + tag + "[]")) {
                end = i;
            }
        }
        if (start < 0 || end < start) {
            throw new IllegalStateException(file + " has no region tag::" + tag + "[] ... end::" + tag + "[]");
        }
        return dedent(lines.subList(start, end));
    }

    static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
