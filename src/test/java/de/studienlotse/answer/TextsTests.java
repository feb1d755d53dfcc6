package de.studienlotse.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The answer texts of {@code messages/answer_*.properties}: the same keys in both languages, each one used. */
class TextsTests {

    /**
     * A string literal that looks like a key: "lead.topic.tips", "abstention.no-names"; it counts as one when its first
     * part is that of a key of the bundle (not "answer-system.md", "studienlotse.answer").
     */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    private static final Pattern SPECIFIER = Pattern.compile("%(?:(\\d+)\\$)?([a-z%])");
    private static final Path CODE = Path.of("src/main/java/de/studienlotse/answer");

    @Test
    void should_hold_the_same_keys_in_german_and_english() {
        // when
        Set<String> german = Texts.bundle(Language.DE).keySet();
        Set<String> english = Texts.bundle(Language.EN).keySet();

        // then
        assertThat(new TreeSet<>(german)).as("keys only in German").isNotEmpty().containsAll(english);
        assertThat(new TreeSet<>(english)).as("keys only in English").containsAll(german);
    }

    @Test
    void should_take_the_same_arguments_in_both_languages() {
        for (String key : Texts.bundle(Language.DE).keySet()) {
            assertThat(arguments(Texts.bundle(Language.EN).getString(key))).as(key)
                    .isEqualTo(arguments(Texts.bundle(Language.DE).getString(key)));
        }
    }

    @Test
    void should_format_every_text_with_its_arguments() {
        for (Language language : Language.values()) {
            for (String key : Texts.bundle(language).keySet()) {
                // "%" alone, or "%x", fails only when the text is written: here, not in an answer
                Object[] args = arguments(Texts.bundle(language).getString(key)).values().stream()
                        .map(conversion -> conversion.equals("d") ? (Object) 1 : "x").toArray();
                assertThat(Texts.text(language, key, args)).as("%s %s", language, key).doesNotContain("%");
            }
        }
    }

    @Test
    void should_have_a_text_for_every_key_the_code_uses_and_use_every_text() throws IOException {
        // given
        Set<String> keys = Texts.bundle(Language.DE).keySet();

        Set<String> families = keys.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());

        // when
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(CODE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Texts.java")).toList()) {
                Matcher literal = KEY_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    if (families.contains(literal.group(1).substring(0, literal.group(1).indexOf('.')))) {
                        used.add(literal.group(1));
                    }
                }
            }
        }

        // then
        assertThat(keys).as("texts of the bundle").containsAll(used);
        assertThat(used).as("keys named in the code").containsAll(new TreeSet<>(keys));
    }

    @Test
    void should_read_umlauts_and_dashes_as_utf8() {
        assertThat(Texts.text(Language.DE, "duration.span", "4 Monate", "B1", "[1]", "2 Jahre", "K2", "[2]"))
                .isEqualTo("Am kürzesten: 4 Monate bei B1 [1]; am längsten: 2 Jahre bei K2 [2].");
        assertThat(Texts.text(Language.EN, "facts.sample", "18", "18", "…"))
                .contains("B1–B7 (accounting)");
    }

    /** The conversion of each argument a format pattern uses, by position: {1=s, 2=d}. */
    private static Map<Integer, String> arguments(String pattern) {
        Map<Integer, String> arguments = new TreeMap<>();
        Matcher m = SPECIFIER.matcher(pattern);
        int next = 1;
        while (m.find()) {
            if (m.group(2).equals("%")) {
                continue;
            }
            arguments.put(m.group(1) != null ? Integer.parseInt(m.group(1)) : next++, m.group(2));
        }
        return arguments;
    }
}
