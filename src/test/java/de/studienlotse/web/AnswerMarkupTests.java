package de.studienlotse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One sanitiser configuration for every page that turns an answer's Markdown into DOM (widget, Werkbank): DOMPurify's
 * settings are written once, in {@code static/answer-markup.js}, and every call of {@code sanitize} passes them.
 */
class AnswerMarkupTests {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern SANITIZE = Pattern.compile("\\.sanitize\\(([^;]*)\\);");

    @Test
    void should_sanitise_every_answer_with_the_one_configuration() {
        List<Path> scripts = scripts();
        int calls = 0;
        for (Path script : scripts) {
            Matcher call = SANITIZE.matcher(read(script));
            while (call.find()) {
                calls++;
                assertThat(call.group(1)).as("sanitize in %s", script).contains("markup.PURIFY");
            }
        }
        assertThat(calls).as("sanitize calls (widget and Werkbank)").isGreaterThanOrEqualTo(2);
        assertThat(scripts).filteredOn(s -> read(s).contains("ALLOWED_TAGS"))
                .as("scripts that configure DOMPurify").containsExactly(STATIC.resolve("answer-markup.js"));
    }

    private static List<Path> scripts() {
        try (Stream<Path> files = Files.walk(STATIC)) {
            return files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
                    .filter(f -> !f.toString().contains("/vendor/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
