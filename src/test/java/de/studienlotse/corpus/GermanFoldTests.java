package de.studienlotse.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GermanFoldTests {

    /** A hand-written umlaut fold: replacing ä, ö, ü or ß by hand. */
    private static final Pattern HAND_WRITTEN_FOLD = Pattern.compile("replace(All)?\\(\"[äöüßÄÖÜ]\"");

    @Test
    void should_fold_umlaut_ae_and_plain_spellings_alike() {
        assertThat(List.of("Größe", "Groesse", "Grösse", "GROESSE", "Grosse")).map(GermanFold::fold).containsOnly("grosse");
        assertThat(GermanFold.fold("Kapazitätsplanung")).isEqualTo(GermanFold.fold("Kapazitaetsplanung"))
                .isEqualTo("kapazitatsplanung");
    }

    @Test
    void should_fold_a_decomposed_umlaut_like_the_composed_one() {
        assertThat(GermanFold.fold("A\u0308ngste")).isEqualTo(GermanFold.fold("Ängste")).isEqualTo("angste");
    }

    @Test
    void should_keep_an_e_that_is_no_umlaut() {
        assertThat(GermanFold.fold("Steuer neue Bauern")).isEqualTo("steuer neue bauern");
    }

    @Test
    void should_be_the_only_umlaut_fold_in_the_code() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> HAND_WRITTEN_FOLD.matcher(read(f)).find())
                    .toList();
        }
        assertThat(offenders).as("umlaut folds written by hand instead of GermanFold.fold").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
