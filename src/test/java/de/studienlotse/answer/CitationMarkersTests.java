package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CitationMarkersTests {

    /** A hand-written marker pattern: an escaped bracket followed by digits, in Java source or JavaScript. */
    private static final Pattern SECOND_GRAMMAR = Pattern.compile("\\\\{1,2}\\[\\(?\\\\{1,2}d[{+]");

    @Test
    void should_read_one_to_nine_digits_and_nothing_else() {
        assertThat(CitationMarkers.PATTERN.matcher("a [1] b [12] c [123456789] d [1234567890] e [x] [ 1]").results()
                .map(m -> m.group(1))).containsExactly("1", "12", "123456789");
    }

    @Test
    void should_publish_the_same_grammar_to_the_widget_and_the_werkbank() throws IOException {
        // given
        String module;
        try (InputStream in = getClass().getResourceAsStream("/static/answer-markup.js")) {
            module = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // when: the JavaScript string literal, unescaped
        Matcher literal = Pattern.compile("export const CITATION_MARKER = '((?:[^'\\\\]|\\\\.)*)';").matcher(module);

        // then
        assertThat(literal.find()).isTrue();
        assertThat(literal.group(1).replace("\\\\", "\\")).isEqualTo(CitationMarkers.REGEX);
    }

    @Test
    void should_keep_every_other_marker_pattern_built_from_the_one_grammar() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/static")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".js"))
                    .filter(f -> !f.endsWith("CitationMarkers.java") && !f.endsWith("answer-markup.js"))
                    .filter(f -> SECOND_GRAMMAR.matcher(read(f)).find())
                    .toList();
        }
        assertThat(offenders).as("marker patterns written by hand instead of CitationMarkers / answer-markup.js").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
